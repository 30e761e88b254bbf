"""The matrix's "Download CSV / XLSX" links: the same rows as the page, contacts only for
logged-in people, clear refusals for bad requests."""

import pytest
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from activities.matrix import filtered_activities
from activities.models import Role
from tests.exports.matrix import body, read_csv, read_xlsx
from tests.factories import make_activity

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ILO_LEADS = "agency=ILO&agency_role=lead&sort=-title"


@pytest.fixture
def ilo_leads(world) -> list[str]:
    """Three activities led by ILO (one in the world fixture already), in two countries."""
    make_activity(world.mz, {world.ilo: Role.LEAD, world.who: Role.PARTNER}, title="Zambezi pilot")
    make_activity(world.pe, {world.ilo: Role.LEAD}, title="Andes costing")
    # ILO only as a partner: must stay out of a "lead only" export.
    make_activity(world.pe, {world.who: Role.LEAD, world.ilo: Role.PARTNER}, title="Lima survey")
    return ["Zambezi pilot", "Costing of the national SPF", "Andes costing"]


def export(client, query: str, fmt: str = "csv"):
    return client.get(f"{reverse('activities:matrix_export')}?{query}&format={fmt}")


def references(rows: list[dict]) -> list[str]:
    return [row["Reference"] for row in rows]


def test_it_exports_the_rows_the_matrix_shows_for_the_same_filter(client, ilo_leads):
    page = client.get(f"{reverse('activities:matrix')}?{ILO_LEADS}").context["page"]
    rows = read_csv(export(client, ILO_LEADS))
    assert references(rows) == [activity.reference for activity in page.object_list]
    assert [row["Title"] for row in rows] == ilo_leads


def test_it_exports_every_page_not_only_the_first(client, ilo_leads, settings):
    settings.SPF_MATRIX_PAGE_SIZE = 2
    _filterset, activities = filtered_activities(QueryDict(ILO_LEADS))
    rows = read_csv(export(client, ILO_LEADS))
    assert references(rows) == list(activities.values_list("reference", flat=True))
    assert len(rows) > settings.SPF_MATRIX_PAGE_SIZE


def test_it_gives_the_same_rows_in_xlsx_as_in_csv(client, ilo_leads):
    csv_rows = read_csv(export(client, ILO_LEADS))
    xlsx_rows = read_xlsx(export(client, ILO_LEADS, "xlsx"))
    assert references(xlsx_rows) == references(csv_rows)
    assert [row["Title"] for row in xlsx_rows] == ilo_leads


def test_it_leaves_contact_columns_out_for_anonymous_visitors(client, world):
    row = read_csv(export(client, "country=VN"))[0]
    assert "Focal point email" not in row
    assert "Focal point phone" not in row


def test_it_gives_contact_columns_to_logged_in_viewers(viewer_client, world):
    row = read_xlsx(export(viewer_client, "country=VN", "xlsx"))[0]
    assert row["Focal point email"] == world.person.email
    assert "Focal point phone" in row


def test_it_refuses_an_unknown_format_with_a_message(client, world):
    response = export(client, ILO_LEADS, "pdf")
    assert response.status_code == 400
    assert "'pdf'" in response.content.decode() and "csv" in response.content.decode()


def test_it_refuses_a_missing_format(client, world):
    response = client.get(reverse("activities:matrix_export"))
    assert response.status_code == 400
    assert "xlsx" in response.content.decode()


def test_it_refuses_a_bad_filter_naming_the_field(client, world):
    # An empty file would look like "no activities" rather than "wrong filter".
    response = export(client, "country=ZZ")
    assert response.status_code == 400
    assert "Country" in response.content.decode() and "ZZ" in response.content.decode()


def test_it_names_the_file_after_the_matrix_and_the_day(client, world):
    day = timezone.localdate()
    csv_name = export(client, ILO_LEADS)["Content-Disposition"]
    xlsx_name = export(client, ILO_LEADS, "xlsx")["Content-Disposition"]
    assert csv_name == f'attachment; filename="spf-matrix-{day:%Y-%m-%d}.csv"'
    assert xlsx_name == f'attachment; filename="spf-matrix-{day:%Y-%m-%d}.xlsx"'


def test_it_starts_the_csv_with_a_utf8_byte_order_mark(client, world):
    response = export(client, ILO_LEADS)
    assert body(response).startswith("\ufeff".encode())
    assert response["Content-Type"] == "text/csv; charset=utf-8"
