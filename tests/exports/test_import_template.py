"""The import template: the import's columns and drop-down lists read from a hidden sheet."""

import io

import openpyxl
import pytest
from django.urls import reverse

from activities.resources import ActivityResource
from tests.exports.matrix import body
from tests.factories import make_agency, make_country

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def template(client, db):
    for number in range(40):  # acronyms longer than Excel's 255-character inline list
        make_agency(f"AGENCY-{number:02d}")
    make_country("VN"), make_country("SN", region="africa")
    response = client.get(reverse("activities:import_template"))
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(body(response)))


def validations(sheet) -> dict[str, str]:
    """Header of the validated column -> the list's source."""
    headers = {cell.column_letter: cell.value for cell in sheet[1]}
    found = {}
    for check in sheet.data_validations.dataValidation:
        letter = str(check.sqref).split(":")[0].rstrip("0123456789")
        found[headers[letter]] = check.formula1
    return found


def listed(book, source: str) -> list[str]:
    """The values of a list source such as Lists!$D$2:$D$41."""
    sheet, cells = source.split("!")
    return [row[0].value for row in book[sheet.strip("'")][cells.replace("$", "")]]


def test_it_has_the_import_columns_reference_first(template):
    headers = [cell.value for cell in template.worksheets[0][1]]
    known = {str(field.column_name) for field in ActivityResource().fields.values()}
    assert headers[0] == "Reference"
    assert set(headers) <= known and {"Title", "Type", "Lead agency"} <= set(headers)


def test_it_has_no_example_row_to_import_by_mistake(template):
    assert template.worksheets[0].max_row == 1
    assert template["Instructions"]["A1"].value


def test_it_reads_long_lists_from_the_hidden_lists_sheet(template):
    lists = template["Lists"]
    found = validations(template.worksheets[0])
    assert lists.sheet_state == "hidden"
    assert {found["Lead agency"][:9], found["Country code"][:9]} == {"'Lists'!$"}


def test_it_lists_every_agency_and_country_code(template):
    found = validations(template.worksheets[0])
    agencies = listed(template, found["Lead agency"])
    assert len(agencies) == 40 and "AGENCY-07" in agencies
    assert sorted(listed(template, found["Country code"])) == ["SEN", "VNM"]


def test_it_offers_statuses_types_and_yes_no(template):
    found = validations(template.worksheets[0])
    assert listed(template, found["Status"]) == ["Planned", "Ongoing", "Completed", "Suspended"]
    assert {"Type", "Essential health care", "Income security for older persons"} <= set(found)
