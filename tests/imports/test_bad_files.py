"""Files that cannot be imported get a clear message and write nothing."""

import io

import openpyxl
import pytest
from django.test import override_settings

from activities.models import Activity
from imports.models import ImportJob, ImportStatus
from tests.imports.helpers import basics, csv_bytes, upload, xlsx_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def two_sheets_without_matrix() -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["Just", "some", "notes"])
    book.create_sheet("Budget").append(["Item", "Amount"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"", "empty.csv", "empty"),
        (b"   \n\n", "blank.csv", "The file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.csv", "not a spreadsheet"),
        (b"PK\x03\x04garbage-not-a-zip", "broken.xlsx", "not a spreadsheet"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old.xls", "old Excel (.xls)"),
        (two_sheets_without_matrix(), "wrong.xlsx", "Sheets found: Notes, Budget"),
        (csv_bytes([], header=["Reference", "Country code"]), "m.csv", "missing: Title, Type"),
        (csv_bytes([]), "headers-only.csv", "no rows to import"),
        (b"name,amount\nfoo,1\n", "other.csv", "No header row found"),
    ],
)
def test_it_explains_a_file_it_cannot_read(secretariat_client, data, name, message):
    basics()
    response = upload(secretariat_client, data, name)
    job = ImportJob.objects.last()
    if job is None:  # refused by the form itself (an empty upload)
        assert message in response.content.decode()
    else:
        assert (job.status, message in job.error) == (ImportStatus.FAILED, True)
    assert not Activity.objects.exists()


@override_settings(SPF_IMPORT_MAX_BYTES=1000)
def test_it_refuses_a_file_over_the_size_limit(secretariat_client):
    response = upload(secretariat_client, b"x" * 1001)
    assert "up to" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_it_takes_50_mb_by_default(settings):
    assert settings.SPF_IMPORT_MAX_BYTES == 50 * 1024 * 1024


def test_it_names_a_column_given_twice(secretariat):
    from tests.imports.helpers import preview

    job = preview(secretariat, csv_bytes([], header=["Title", "Title", "Type", "Country"]))
    assert "appears twice" in job.error
    assert job.status == ImportStatus.FAILED


def test_it_reads_a_sheet_after_other_sheets(secretariat):
    from tests.imports.helpers import run

    basics()
    book = openpyxl.load_workbook(
        io.BytesIO(xlsx_bytes([["", "VNM", "Pension", "Study", "", "ILO", ""]]))
    )
    book.create_sheet("Readme", 0).append(["This sheet explains the columns"])
    out = io.BytesIO()
    book.save(out)
    job = run(secretariat, out.getvalue(), "m.xlsx")
    assert job.status == ImportStatus.APPLIED
    assert Activity.objects.get().title == "Pension"
