"""A member imports only their agencies' rows; the secretariat imports anything."""

import pytest

from activities.models import Activity
from imports.models import ImportStatus
from tests.factories import Role, make_activity, make_country
from tests.imports.helpers import csv_bytes, errors, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HEADER = ["Reference", "Country code", "Title", "Type", "Lead agency"]


def test_it_refuses_a_members_row_for_another_agencys_activity(member_a, agency_a, agency_b):
    make_country("VN")
    mine = make_activity(agencies={agency_a: Role.LEAD}, title="Mine")
    theirs = make_activity(agencies={agency_b: Role.LEAD}, title="Theirs")
    rows = [
        [mine.reference, "VNM", "Mine, renamed", "Study", "AGA"],
        [theirs.reference, "VNM", "Theirs, renamed", "Study", "AGB"],
    ]
    job = run(member_a, csv_bytes(rows, header=HEADER))
    assert errors(job) == [
        f"row 3, Reference: {theirs.reference} is another agency's activity; you can only "
        "update your agency's rows."
    ]
    assert sorted(Activity.objects.values_list("title", flat=True)) == ["Mine", "Theirs"]


def test_it_refuses_a_members_new_row_without_their_agency(member_a, agency_a, agency_b):
    make_country("VN")
    job = run(member_a, csv_bytes([["", "VNM", "Not mine", "Study", "AGB"]], header=HEADER))
    assert errors(job) == [
        "row 2, Lead agency: One of your agencies (AGA) must take part in the activity."
    ]
    assert not Activity.objects.exists()


def test_it_lets_a_member_take_their_own_agency_off_a_shared_row(member_a, agency_a, agency_b):
    make_country("VN")
    shared = make_activity(agencies={agency_a: Role.PARTNER, agency_b: Role.LEAD}, title="Ours")
    # The partner column is there and empty: AGA, a partner, leaves the row (the others stay
    # as they were; taking them off needs the lead's member, tests/members/test_shared_rows.py).
    header = [*HEADER, "Partner agencies"]
    job = run(member_a, csv_bytes([[shared.reference, "VNM", "Ours", "Study", "AGB", ""]], header))
    assert errors(job) == []
    assert set(shared.participations.values_list("agency__acronym", flat=True)) == {"AGB"}


def test_it_applies_a_members_own_rows(member_a, agency_a):
    make_country("VN")
    mine = make_activity(agencies={agency_a: Role.LEAD}, title="Mine")
    rows = [
        [mine.reference, "VNM", "Mine, renamed", "Study", "AGA"],
        ["", "VNM", "New one", "Study", "AGA"],
    ]
    job = run(member_a, csv_bytes(rows, header=HEADER))
    assert (job.status, job.created_count, job.updated_count) == (ImportStatus.APPLIED, 1, 1)
    assert sorted(Activity.objects.values_list("title", flat=True)) == ["Mine, renamed", "New one"]


def test_it_lets_the_secretariat_import_any_row(secretariat, agency_b):
    make_country("VN")
    theirs = make_activity(agencies={agency_b: Role.LEAD}, title="Theirs")
    run(
        secretariat, csv_bytes([[theirs.reference, "VNM", "Edited", "Study", "AGB"]], header=HEADER)
    )
    assert Activity.objects.get().title == "Edited"


def test_it_refuses_a_new_row_without_any_agency_even_from_the_secretariat(secretariat):
    make_country("VN")
    job = run(secretariat, csv_bytes([["", "VNM", "Nobody's", "Study", ""]], header=HEADER))
    assert errors(job) == ["row 2, Lead agency: Name at least one agency taking part."]
    assert not Activity.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_members_download_of_the_whole_matrix_imports_with_other_rows_skipped(fmt):
    from activities.exports import export_response
    from tests.exports.matrix import body, small_matrix
    from tests.factories import make_member

    _costing, pension, _other = small_matrix()
    member = make_member(pension.participations.get().agency)  # UNICEF: partner, then lead
    before = Activity.history.count()
    download = body(
        export_response(Activity.objects.all(), fmt, include_contacts=True, filename="matrix")
    )
    job = run(member, download, f"matrix.{fmt}")
    assert (job.status, job.error_count, job.new_count, job.changed_count) == (
        ImportStatus.PREVIEWED,
        0,
        0,
        0,
    )
    assert (job.unchanged_count, job.preview["others_unchanged"]) == (3, 1)
    assert Activity.history.count() == before
