"""XLSX and ODS downloads: frozen header, autofilter over the data, widths, a sheet about the
columns."""

import io
import zipfile

import openpyxl
import pytest
from odf.opendocument import load
from odf.table import DatabaseRange
from openpyxl.utils import get_column_letter

from activities.exports import export_response
from activities.models import Activity
from tests.exports.matrix import body, ods_sheets, small_matrix

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def matrix(db):
    return small_matrix()


def download(fmt: str):
    queryset = Activity.objects.order_by("title")
    return export_response(queryset, fmt, include_contacts=False, filename="m")


def workbook():
    return openpyxl.load_workbook(io.BytesIO(body(download("xlsx"))))


def test_it_freezes_the_header_row_and_filters_the_data_range():
    sheet = workbook().worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}4"


def test_it_sizes_columns_from_their_content_within_bounds():
    sheet = workbook().worksheets[0]
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert widths["Title"] > widths["Country code"] - 5
    assert all(8 <= width <= 50 for width in widths.values())


def test_it_explains_every_column_on_a_second_sheet():
    book = workbook()
    data, about = book.worksheets
    assert about.title == "About these columns"
    explained = [row[0] for row in about.iter_rows(min_row=2, values_only=True)]
    assert explained == [cell.value for cell in data[1]]


def test_it_lists_allowed_values_for_choices():
    about = {row[0]: row for row in workbook().worksheets[1].iter_rows(values_only=True)}
    assert "Ongoing" in about["Status"][2] and "Completed" in about["Status"][2]
    assert "ILO" in about["Lead agency"][2]


def test_it_gives_the_ods_the_same_second_sheet():
    data, about = ods_sheets(download("ods"))
    assert about.title == "About these columns"
    assert [row[0] for row in about] == list(data.headers)


def test_it_puts_an_autofilter_over_the_ods_data():
    response = download("ods")
    columns = len(ods_sheets(response)[0].headers)
    found = load(io.BytesIO(body(response))).getElementsByType(DatabaseRange)[0]
    assert found.getAttribute("displayfilterbuttons") == "true"
    assert found.getAttribute("targetrangeaddress").endswith(f".{get_column_letter(columns)}4")


def test_it_freezes_the_ods_header_row():
    with zipfile.ZipFile(io.BytesIO(body(download("ods")))) as archive:
        settings = archive.read("settings.xml").decode()
        assert archive.namelist()[0] == "mimetype"
    assert 'config:name="VerticalSplitMode" config:type="short">2<' in settings
