"""On a row without a reference matched to an activity the hub has, a blank cell means "not
stated" (the hub's value stays) unless the person chooses "blank clears"; a reworded title
with an agency in common is shown as "maybe" that activity, for the person to say whether it
is (never a silent duplicate)."""

import datetime

import pytest

from activities.models import Activity
from imports.models import ImportJob
from tests.factories import Role, make_activity
from tests.imports.helpers import basics, csv_bytes, errors, preview

pytestmark = pytest.mark.django_db

HEADER = [
    "Country",
    "Title",
    "Type",
    "Description",
    "Lead agency",
    "Partner agencies",
    "Start date",
    "End date",
]


@pytest.fixture
def stored(db):
    viet_nam, ilo, unicef = basics()
    return make_activity(
        viet_nam,
        {ilo: Role.LEAD, unicef: Role.PARTNER},
        title="Costing the social protection floor",
        activity_type="costing",
        description="With the Ministry of Finance",
        start_date=datetime.date(2012, 3, 1),
        end_date=datetime.date(2013, 6, 30),
    )


ROW = ["Viet Nam", "Costing the social protection floor", "", "", "ILO", "", "", ""]


def go(client, job: ImportJob, page: str, data: dict) -> ImportJob:
    client.post(f"/import/{job.pk}/{page}/", data)
    job.refresh_from_db()
    return job


def test_blank_cells_on_a_probable_match_are_not_stated(stored, secretariat):
    job = preview(secretariat, csv_bytes([ROW], header=HEADER))
    assert (errors(job), job.changed_count, job.unchanged_count) == ([], 0, 1)


def test_the_person_may_choose_that_blank_clears(stored, secretariat, secretariat_client):
    job = preview(secretariat, csv_bytes([[*ROW[:2], "Costing", *ROW[3:]]], header=HEADER))
    job = go(secretariat_client, job, "reading", {"blank": "clears"})
    assert (job.changed_count, job.choices["blank_clears"]) == (1, True)
    secretariat_client.post(f"/import/{job.pk}/apply/")
    stored.refresh_from_db()
    assert (stored.description, stored.end_date) == ("", None)
    assert list(stored.participations.values_list("agency__acronym", flat=True)) == ["ILO"]


def test_a_blank_type_on_a_new_row_is_still_an_error(stored, secretariat):
    row = ["Viet Nam", "Another study", "", "", "ILO", "", "", ""]
    job = preview(secretariat, csv_bytes([row], header=HEADER))
    assert errors(job) == ["row 2, Type: A type is required."]


REWORDED = ["Viet Nam", "Costing of the national social floor", "Costing", "", "ILO", "", "", ""]


def test_a_reworded_title_is_a_maybe_the_person_settles(stored, secretariat, secretariat_client):
    job = preview(secretariat, csv_bytes([REWORDED], header=HEADER))
    assert (job.unsure_count, job.new_count, job.can_apply) == (1, 0, False)
    assert job.preview["rows"][0]["maybe"] == stored.reference
    page = secretariat_client.get(f"/import/{job.pk}/").content.decode()
    assert 'name="maybe_2" value="same"' in page
    same = go(secretariat_client, job, "decide", {"maybe_2": "same"})
    assert (same.unsure_count, same.changed_count, same.new_count) == (0, 1, 0)
    new = go(secretariat_client, same, "decide", {"maybe_2": "new"})
    assert (new.unsure_count, new.changed_count, new.new_count) == (0, 0, 1)


def test_a_different_activity_of_other_agencies_is_no_maybe(stored, secretariat):
    row = [*REWORDED[:4], "UNICEF", "", "", ""]
    stored.participations.filter(agency__acronym="UNICEF").delete()
    job = preview(secretariat, csv_bytes([row], header=HEADER))
    assert (job.unsure_count, job.new_count) == (0, 1)
    assert Activity.objects.count() == 1
