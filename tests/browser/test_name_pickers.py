"""The matrix's pickers find countries and agencies as people type them on a phone: a
curly apostrophe, no accents, an older English name, an acronym in French."""

import pytest
from playwright.sync_api import expect

from tests.factories import Role, make_activity, make_agency, make_country

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rows():
    ilo = make_agency("ILO")
    make_activity(make_country("CI", region="africa"), {ilo: Role.LEAD}, title="Pilot")
    make_activity(make_country("TR", region="europe"), {ilo: Role.LEAD}, title="Fiscal")
    make_activity(make_country("VN"), {ilo: Role.LEAD}, title="Task force")
    make_activity(make_country("NR"), {ilo: Role.LEAD}, title="Islands")


@pytest.mark.parametrize(
    ("picker", "typed", "shown"),
    [
        ("country", "Cote d\u2019Ivoire", "Côte d'Ivoire"),
        ("country", "vietnam", "Viet Nam"),
        ("country", "turkey", "Türkiye"),
        ("country", "nauru", "Nauru"),
        ("agency", "OIT", "ILO"),
    ],
)
def test_the_picker_finds_what_is_typed(page, rows, picker, typed, shown):
    page.goto(f"{page.base_url}/matrix/")
    page.locator(f"#id_{picker}-ts-control").click()
    page.keyboard.type(typed)
    expect(page.locator(".ts-dropdown .option.active")).to_have_text(shown)
