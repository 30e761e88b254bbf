"""Formats people send: XLSX and ODS (read with python-calamine), CSV, and HXL-tagged CSV."""

import io

import openpyxl
import pytest
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

from activities.models import Activity
from imports.models import ImportStatus
from tests.factories import make_agency
from tests.imports.helpers import HEADER, basics, csv_bytes, errors, preview, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ROW = ["", "VNM", "Pension law", "Legal drafting", "Ongoing", "ILO", "UNICEF"]


def ods_bytes(rows: list[list]) -> bytes:
    """An ODS file; a cell given as ("=formula", value) holds a formula."""
    document = OpenDocumentSpreadsheet()
    table = Table(name="Activities")
    for cells in rows:
        row = TableRow()
        for cell in cells:
            if isinstance(cell, tuple):
                formula, value = cell
                element = TableCell(formula="of:" + formula, valuetype="string")
                element.addElement(P(text=value))
            else:
                element = TableCell(valuetype="string")
                element.addElement(P(text=str(cell)))
            row.addElement(element)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def test_it_imports_an_ods_file(secretariat):
    basics()
    job = run(secretariat, ods_bytes([HEADER, ROW]), "matrix.ods")
    assert job.status == ImportStatus.APPLIED
    assert Activity.objects.get().title == "Pension law"


def test_it_refuses_a_formula_in_an_ods_file(secretariat):
    basics()
    job = preview(
        secretariat, ods_bytes([HEADER, [*ROW[:2], ('="Pen"&"sion"', "Pension"), *ROW[3:]]])
    )
    assert errors(job) == [
        "row 2, Title: This cell holds a formula: type (or paste) its value instead. To keep "
        "text starting with “=”, put a quote (') before it."
    ]


def test_it_finds_the_header_below_a_title_and_right_of_an_empty_column(secretariat):
    basics()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B1"] = "Matrix of SPF activities, June 2012"
    for column, value in enumerate(HEADER, start=2):
        sheet.cell(row=3, column=column, value=value)
        sheet.cell(row=4, column=column, value=ROW[column - 2])
    sheet["D5"] = "=CONCAT(1, 2)"
    for column in (3, 5, 7):
        sheet.cell(row=5, column=column, value=ROW[column - 2])
    out = io.BytesIO()
    book.save(out)
    job = preview(secretariat, out.getvalue(), "m.xlsx")
    assert [row["n"] for row in job.preview["rows"]] == [5, 4]
    assert errors(job)[0].startswith("row 5, Title: This cell holds a formula")


THREE_W = [
    ["Country ISO3", "Implementing partner", "Activity", "Kind of work", "Start"],
    ["#country+code", "#org+impl", "#activity", "#sector", "#date+start"],
    ["VNM", "ILO; UNICEF", "Pension reform study", "Study", "2012-03-01"],
    ["VNM", "ILO", "Costing the floor", "Costing and fiscal space", "2012-04-01"],
]


def test_it_maps_a_3w_file_by_its_hashtags_without_renaming(secretariat):
    basics()
    job = run(secretariat, csv_bytes(THREE_W[1:], header=THREE_W[0]), "3w.csv")
    assert (job.status, job.mapping_source, job.created_count) == ("applied", "recognised", 2)
    assert Activity.objects.get(title="Costing the floor").participations.count() == 1


def test_it_never_reads_the_hashtag_row_as_data(secretariat):
    basics()
    job = preview(secretariat, csv_bytes(THREE_W[1:], header=THREE_W[0]), "3w.csv")
    assert [row["n"] for row in job.preview["rows"]] == [3, 4]


def test_it_reads_a_file_with_hashtags_only(secretariat):
    basics()
    make_agency("WHO")
    job = run(secretariat, csv_bytes(THREE_W[2:], header=THREE_W[1]), "tags.csv")
    assert job.created_count == 2
