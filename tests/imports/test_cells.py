"""Cells as spreadsheets hold them: formulas, duplicates, blank rows, spaces, encodings."""

import io

import openpyxl
import pytest

from activities.models import Activity
from imports.models import ImportStatus
from tests.factories import Role, make_activity
from tests.imports.helpers import HEADER, basics, csv_bytes, errors, preview, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ROW = ["", "VNM", "Pension law", "Legal drafting", "Ongoing", "ILO", "UNICEF"]


def test_it_refuses_a_formula_in_a_workbook(secretariat):
    basics()
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(["", "VNM", '=CONCAT("Pen", "sion")', "Study", "", "ILO", ""])
    out = io.BytesIO()
    book.save(out)
    job = preview(secretariat, out.getvalue(), "f.xlsx")
    assert errors(job) == [
        "row 2, Title: This cell holds a formula: type (or paste) its value instead. To keep "
        "text starting with “=”, put a quote (') before it."
    ]
    assert not job.can_apply


def test_it_refuses_a_formula_in_a_csv(secretariat):
    basics()
    job = run(secretariat, csv_bytes([["", "VNM", "=1+1", "Study", "", "ILO", ""]]))
    assert "formula" in errors(job)[0]
    assert not Activity.objects.exists()


def test_it_takes_off_the_quote_that_guards_a_formula(secretariat):
    basics()
    job = run(secretariat, csv_bytes([["", "VNM", "'=1+1 costing", "Study", "", "ILO", ""]]))
    assert job.status == ImportStatus.APPLIED
    assert Activity.objects.get().title == "=1+1 costing"


def test_it_names_both_rows_of_a_duplicate_reference(secretariat):
    _, ilo, _ = basics()
    ref = make_activity(agencies={ilo: Role.LEAD}).reference
    job = run(secretariat, csv_bytes([[ref, *ROW[1:]], [ref.lower(), *ROW[1:]]]))
    assert errors(job) == [
        f"row 3, Reference: {ref} is also on row 2: each reference can appear once."
    ]
    assert Activity.objects.get().title != "Pension law"


def test_it_skips_blank_rows(secretariat):
    basics()
    job = run(secretariat, csv_bytes([ROW, ["", "", "", "", "", "", ""], [], ["  "] * 7, ROW]))
    assert job.created_count == 2
    assert job.preview["rows"][1]["n"] == 6


def test_it_trims_trailing_spaces(secretariat):
    basics()
    run(
        secretariat,
        csv_bytes([["", " VNM ", "Pension law   ", "Legal drafting ", "", "ILO  ", ""]]),
    )
    activity = Activity.objects.get()
    assert activity.title == "Pension law"
    assert activity.participations.get().agency.acronym == "ILO"


def test_it_reads_a_latin_1_csv(secretariat):
    basics()
    from tests.factories import make_country

    make_country("CI", region="africa")
    data = csv_bytes(
        [["", "Côte d'Ivoire", "Protection sociale élargie", "Study", "", "ILO", ""]],
        encoding="latin-1",
    )
    run(secretariat, data)
    activity = Activity.objects.get()
    assert (activity.country.code, activity.title) == ("CI", "Protection sociale élargie")


def test_it_reads_a_semicolon_csv_with_a_bom(secretariat):
    basics()
    data = csv_bytes([ROW]).decode().replace(",", ";")
    run(secretariat, ("\ufeff" + data).encode())
    assert Activity.objects.get().title == "Pension law"
