import pytest

from tests.factories import Role, make_activity, make_agency, make_country, make_focal_point

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def matrix_rows():
    ilo, unicef = make_agency("ILO"), make_agency("UNICEF")
    viet_nam = make_country("VN")
    person = make_focal_point(ilo, viet_nam, email="focal@example.org")
    make_activity(viet_nam, {ilo: Role.LEAD}, title="SPF task force", focal_point=person)
    make_activity(make_country("TG", region="africa"), {unicef: Role.LEAD}, title="Costing")
    return ilo


def test_it_filters_the_matrix_by_lead_agency_in_the_browser(page, matrix_rows):
    page.goto(f"{page.base_url}/matrix/?agency=ILO&agency_role=lead")
    assert page.get_by_text("SPF task force", exact=True).filter(visible=True).count() == 1
    assert page.locator("table").get_by_text("Costing", exact=True).count() == 0


def test_it_hides_contact_emails_from_anonymous_visitors(page, matrix_rows):
    page.goto(f"{page.base_url}/matrix/")
    assert "focal@example.org" not in page.content()
