"""The admin's imports of agencies, focal points, countries and deliverables read a file as
the activity import does (core.spreadsheets.reading): any delimiter and the usual encodings,
workbooks, formulas refused with the cell named."""

import io

import openpyxl
import pytest
from django.urls import reverse

from agencies.models import Agency

pytestmark = pytest.mark.django_db

URL = "admin:agencies_agency_import"


def upload(client, name: str, data: bytes):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse(URL), {"resource": "0", "format": "0", "import_file": file})


def xlsx(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_it_reads_a_semicolon_csv_saved_by_excel_in_windows_1252(superuser_client):
    data = "Acronym;Full name;Kind;Coalition member\nOIT;Organisation du Travail;UN agency;oui\n"
    response = upload(superuser_client, "agences.csv", data.encode("cp1252"))
    assert response.status_code == 200
    assert "Organisation du Travail" in response.content.decode()  # the dry run's preview
    assert not Agency.objects.exists()  # a preview writes nothing


def test_it_reads_a_workbook_whose_table_starts_lower_down(superuser_client):
    data = xlsx(
        [
            [],
            ["Acronym", "Full name", "Kind", "Coalition member"],
            ["WFP", "Food", "UN agency", "yes"],
        ]
    )
    response = upload(superuser_client, "agencies.xlsx", data)
    assert response.status_code == 200
    assert "WFP" in response.content.decode() and "errorlist" not in response.content.decode()


def test_it_refuses_a_formula_naming_its_row_and_column(superuser_client):
    data = xlsx([["Acronym", "Full name"], ["WFP", "=UPPER(A2)"]])
    page = upload(superuser_client, "agencies.xlsx", data).content.decode()
    assert "Row 2, column “Full name” holds a formula (=UPPER(A2))" in page
    assert not Agency.objects.exists()


def test_it_says_what_to_do_with_an_old_excel_file(superuser_client):
    page = upload(superuser_client, "agencies.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    assert "old Excel (.xls) file" in page.content.decode()
