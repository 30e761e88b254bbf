import io

from django.urls import reverse
from openpyxl import load_workbook

from rounds.models import Outcome
from rounds.services import answer_row, submit_part


def _sheet(response):
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def test_it_downloads_the_dashboard_as_xlsx(secretariat_client, member_a, part_a, rows_a):
    answer_row(member_a, part_a, rows_a[0].pk, Outcome.CONFIRMED)
    submit_part(member_a, part_a)
    url = reverse("rounds:dashboard_export", kwargs={"round_id": part_a.round_id})
    rows = _sheet(secretariat_client.get(url))
    assert rows[0][:5] == ["Agency", "Status", "Late", "Rows answered", "Rows"]
    assert rows[1][:7] == ["AGA", "Submitted", "no", 1, 3, rows[1][5], "member_a"]


def test_it_lists_every_agency_asked(secretariat_client, part_a, part_b):
    url = reverse("rounds:dashboard_export", kwargs={"round_id": part_a.round_id})
    response = secretariat_client.get(url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert [row[0] for row in _sheet(response)[1:]] == ["AGA", "AGB"]


def test_it_writes_formula_like_names_as_text_cells(secretariat_client, update_round):
    # A string cell is never evaluated: the name shows as typed, never runs as a formula.
    from rounds.services import ask_agencies
    from tests.factories import make_agency

    ask_agencies(update_round, [make_agency("=CMD", name="=1+1")])
    url = reverse("rounds:dashboard_export", kwargs={"round_id": update_round.pk})
    workbook = load_workbook(io.BytesIO(secretariat_client.get(url).content))
    cells = [row[0] for row in workbook.active.iter_rows(min_row=2)]
    assert [cell.data_type for cell in cells if cell.value == "=CMD"] == ["s"]
