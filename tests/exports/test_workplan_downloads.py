"""The workplan board downloads as CSV, XLSX and ODS: exactly the deliverables it shows."""

import datetime

import pytest
from django.urls import reverse

from tests.exports.matrix import body, read_download
from tests.factories import make_agency, make_focal_point
from workplan.models import Area, Deliverable, Step, Workplan

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

FORMATS = ["csv", "xlsx", "ods"]
LONG_AGO = datetime.date(2000, 1, 31)


@pytest.fixture
def plan(db) -> Workplan:
    """Three deliverables: two ILO answers for (one done, one late), one of WHO's."""
    ilo, who = make_agency("ILO"), make_agency("WHO")
    plan = Workplan.objects.create(year=2030, title="Workplan 2030")
    area = Area.objects.create(workplan=plan, number=1, title="Country operations")
    for title, agency, completed_on in [
        ("Matrix sent", ilo, LONG_AGO),
        ("Costing guide", ilo, None),
        ("Health package", who, None),
    ]:
        deliverable = Deliverable.objects.create(area=area, title=title)
        deliverable.responsible_agencies.add(agency)
        deliverable.contacts.add(make_focal_point(agency, email=f"{agency.acronym}@example.org"))
        Step.objects.create(
            deliverable=deliverable, title="Step", due_date=LONG_AGO, completed_on=completed_on
        )
    return plan


def shown(client, query: str) -> list[str]:
    """The deliverables' titles on the board for this query, in its order."""
    response = client.get(f"{reverse('workplan:board_year', args=[2030])}?{query}")
    return [d.title for block in response.context["areas"] for d in block["deliverables"]]


def downloaded(client, query: str, fmt: str):
    return client.get(f"{reverse('workplan:export', args=[2030])}?{query}&format={fmt}")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("query", ["agency=ILO", "agency=ILO&status=late", ""])
def test_it_downloads_exactly_the_deliverables_the_board_shows(client, plan, fmt, query):
    rows = read_download(downloaded(client, query, fmt), fmt)
    assert shown(client, query)
    assert [row["Deliverable"] for row in rows] == shown(client, query)


def test_it_starts_the_csv_with_a_byte_order_mark(client, plan):
    response = downloaded(client, "agency=WHO", "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert body(response).startswith("\ufeff".encode())


def test_it_gives_no_emails_to_anonymous_readers(client, plan):
    content = body(downloaded(client, "", "csv")).decode("utf-8-sig")
    assert "Matrix sent" in content
    assert "@example.org" not in content


def test_it_gives_emails_to_logged_in_readers(viewer_client, plan):
    rows = read_download(downloaded(viewer_client, "agency=WHO", "xlsx"), "xlsx")
    assert [row["Responsible people's emails"] for row in rows] == ["WHO@example.org"]


def test_it_refuses_an_unknown_format_naming_the_choices(client, plan):
    response = downloaded(client, "agency=ILO", "pdf")
    assert response.status_code == 400
    assert "pdf" in response.content.decode() and "xlsx" in response.content.decode()


def test_it_refuses_an_unknown_filter_value_naming_the_filter(client, plan):
    response = downloaded(client, "agency=NOPE", "csv")
    assert response.status_code == 400
    assert "Responsible agency" in response.content.decode()


def test_it_links_the_three_formats_keeping_the_filters(client, plan):
    page = client.get(reverse("workplan:board_year", args=[2030]), {"agency": "ILO"})
    links = page.content.decode()
    assert f"{reverse('workplan:export', args=[2030])}?agency=ILO&amp;format=ods" in links
    assert "format=hxl" not in links


def test_it_requires_login_on_a_private_site(client, plan, settings):
    settings.SPF_PRIVATE_SITE = True
    response = downloaded(client, "", "csv")
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
