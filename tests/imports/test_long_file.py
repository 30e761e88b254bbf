"""The HXL long download (one row per activity and agency) imports back regrouped: one
activity per reference, each agency in its role; rows of one activity that disagree are
refused, naming them."""

import csv
import io

import pytest

from activities.exports import export_response
from activities.models import Activity, ActivityAgency, Role
from imports.models import ImportStatus
from tests.exports.matrix import body, small_matrix
from tests.imports.helpers import preview, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def matrix(db):
    return small_matrix()


def long_file() -> list[list[str]]:
    queryset = Activity.objects.all()
    response = export_response(queryset, "hxl-long", include_contacts=True, filename="m")
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))


def as_bytes(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def rows_of(rows: list[list[str]], title: str) -> list[list[str]]:
    at = rows[0].index("Title")
    return [row for row in rows[2:] if row[at] == title]


def test_it_reads_one_activity_per_reference(secretariat):
    rows = long_file()
    assert len(rows_of(rows, "Costing the floor")) == 3  # ILO, UNICEF, WHO
    job = preview(secretariat, as_bytes(rows), "m-hxl-long.csv")
    assert (job.error, job.error_count, job.new_count, job.changed_count) == ("", 0, 0, 0)
    assert job.unchanged_count == Activity.objects.count()


def test_it_applies_a_role_changed_on_one_row(secretariat):
    rows = long_file()
    role_at, agency_at = rows[0].index("Role"), rows[0].index("Agency")
    who = next(row for row in rows_of(rows, "Costing the floor") if row[agency_at] == "WHO")
    who[role_at] = "Co-lead"  # a label, as a person would write it
    job = run(secretariat, as_bytes(rows), "m-hxl-long.csv")
    assert (job.status, job.updated_count) == (ImportStatus.APPLIED, 1)
    link = ActivityAgency.objects.get(activity__title="Costing the floor", agency__acronym="WHO")
    assert link.role == Role.CO_LEAD


def test_it_refuses_rows_of_one_activity_that_disagree(secretariat):
    rows = long_file()
    title_at = rows[0].index("Title")
    first, second, _third = rows_of(rows, "Costing the floor")
    second[title_at] = "Costing the whole floor"
    job = preview(secretariat, as_bytes(rows), "m-hxl-long.csv")
    numbers = rows.index(first) + 1, rows.index(second) + 1  # as the spreadsheet shows them
    assert job.status == ImportStatus.FAILED
    assert f"Rows {numbers[0]} and {numbers[1]} are both" in job.error
    assert "differ in “Title”" in job.error


def test_it_refuses_a_role_it_does_not_know(secretariat):
    rows = long_file()
    rows_of(rows, "Pension law")[0][rows[0].index("Role")] = "sponsor"
    job = preview(secretariat, as_bytes(rows), "m-hxl-long.csv")
    assert job.status == ImportStatus.FAILED
    assert "“sponsor” is not a role" in job.error


def test_it_reads_the_roles_as_3w_files_write_them(secretariat):
    rows = long_file()
    role_at, agency_at = rows[0].index("Role"), rows[0].index("Agency")
    costing = {row[agency_at]: row for row in rows_of(rows, "Costing the floor")}
    costing["UNICEF"][role_at] = "implementing"  # a partner already: nothing changes
    costing["WHO"][role_at] = "donor"
    job = run(secretariat, as_bytes(rows), "m-hxl-long.csv")
    assert (job.status, job.updated_count) == (ImportStatus.APPLIED, 1)
    link = ActivityAgency.objects.get(activity__title="Costing the floor", agency__acronym="WHO")
    assert link.role == Role.FUNDER
