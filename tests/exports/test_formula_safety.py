"""Formula injection: CSV cells (meant for spreadsheet programs) keep their guard (a leading
apostrophe); XLSX and ODS write text as typed string cells, which no spreadsheet evaluates,
so it shows as typed; HXL is for machines: never guarded, and without a byte order mark."""

import io
import zipfile

import openpyxl
import pytest

from activities.exports import export_response
from activities.models import Activity
from core.spreadsheets.cells import neutralise, restore
from tests.exports.matrix import body, ods_texts, read_csv, read_hxl, read_xlsx
from tests.factories import make_activity

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

DANGEROUS = ['=HYPERLINK("http://evil.example","click")', "+1", "-2+3", "@SUM(A1)"]
# Safe text that merely starts like a formula: a phone number, a dash, an equals sign.
TYPED = ["+41 22 799 61 11", "- draft", "= as agreed"]


def export(fmt: str, titles: list[str]):
    for title in titles:
        make_activity(title=title)
    queryset = Activity.objects.order_by("pk")
    return export_response(queryset, fmt, include_contacts=False, filename="m")


def titles(fmt: str, typed: list[str]) -> list[str]:
    response = export(fmt, typed)
    if fmt.startswith("hxl"):
        return [row.get("#activity+name") for row in read_hxl(response)]
    if fmt == "ods":
        header, *rows = ods_texts(response)
        return [row[header.index("Title")] for row in rows]
    rows = read_csv(response) if fmt == "csv" else read_xlsx(response)
    return [row["Title"] for row in rows]


def test_it_neutralises_formulas_in_csv_cells():
    assert titles("csv", DANGEROUS + TYPED) == ["'" + title for title in DANGEROUS + TYPED]


@pytest.mark.parametrize("fmt", ["hxl", "hxl-long"])
def test_hxl_is_for_machines_never_guarded_and_without_a_byte_order_mark(fmt):
    typed = [*DANGEROUS, "+258 21 123 456", "-10% coverage"]
    assert titles(fmt, typed) == typed
    first = body(export(fmt, []))[:20]
    assert not first.startswith(b"\xef\xbb\xbf")
    assert body(export("csv", []))[:3] == b"\xef\xbb\xbf"


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_it_shows_text_as_typed_in_workbooks(fmt):
    assert titles(fmt, DANGEROUS + TYPED) == DANGEROUS + TYPED


def test_it_writes_xlsx_text_as_string_cells_never_formulas():
    sheet = openpyxl.load_workbook(io.BytesIO(body(export("xlsx", DANGEROUS)))).worksheets[0]
    title = [cell.value for cell in sheet[1]].index("Title") + 1
    cells = [sheet.cell(row, title) for row in range(2, 2 + len(DANGEROUS))]
    assert [cell.data_type for cell in cells] == ["s"] * len(DANGEROUS)
    with zipfile.ZipFile(io.BytesIO(body(export("xlsx", [])))) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_it_writes_ods_text_as_string_cells():
    with zipfile.ZipFile(io.BytesIO(body(export("ods", DANGEROUS)))) as archive:
        content = archive.read("content.xml").decode()
    assert "table:formula" not in content
    assert '<table:table-cell office:value-type="string"><text:p>=HYPERLINK(' in content


def test_it_takes_the_quote_off_again_on_import():
    assert [restore(neutralise(title)) for title in DANGEROUS] == DANGEROUS
    assert restore("'plain") == "'plain"


@pytest.mark.parametrize("typed", ["'=1+1", "''+33 1", "=SUM(A1)", "'quoted", "plain"])
def test_it_gives_back_exactly_what_was_typed_after_the_guard(typed):
    from core.spreadsheets.cells import sheet_text

    assert restore(neutralise(typed)) == typed
    assert restore(sheet_text(typed)) == typed
