import pytest

from activities.exports import export_response
from activities.models import Activity
from core.spreadsheets.cells import neutralise, restore
from tests.exports.matrix import ods_texts, read_csv, read_hxl, read_xlsx
from tests.factories import make_activity

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

DANGEROUS = ['=HYPERLINK("http://evil.example","click")', "+1", "-2+3", "@SUM(A1)"]


def titles(fmt: str) -> list[str]:
    for title in DANGEROUS:
        make_activity(title=title)
    queryset = Activity.objects.order_by("pk")
    response = export_response(queryset, fmt, include_contacts=False, filename="m")
    if fmt.startswith("hxl"):
        return [row.get("#activity+name") for row in read_hxl(response)]
    if fmt == "ods":
        header, *rows = ods_texts(response)
        return [row[header.index("Title")] for row in rows]
    rows = read_csv(response) if fmt == "csv" else read_xlsx(response)
    return [row["Title"] for row in rows]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods", "hxl", "hxl-long"])
def test_it_neutralises_formulas_in_text_cells(fmt):
    assert titles(fmt) == ["'" + title for title in DANGEROUS]


def test_it_takes_the_quote_off_again_on_import():
    assert [restore(neutralise(title)) for title in DANGEROUS] == DANGEROUS
    assert restore("'plain") == "'plain"


@pytest.mark.parametrize("typed", ["'=1+1", "''+33 1", "=SUM(A1)", "'quoted", "plain"])
def test_it_gives_back_exactly_what_was_typed_after_the_guard(typed):
    from core.spreadsheets.cells import neutralise, restore

    assert restore(neutralise(typed)) == typed
