"""No duplicates: a row without a reference that the hub probably has is compared with that
activity; the same file imported twice changes nothing the second time."""

import datetime

import pytest
from django.urls import reverse

from activities.models import Activity
from imports.models import ImportJob, ImportStatus
from tests.factories import Role, make_activity
from tests.imports.helpers import basics, csv_bytes, errors, preview, run, upload

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HEADER = ["Country", "Title", "Type", "Lead agency", "Start date", "End date"]
ROWS = [
    ["Viet Nam", "Costing the social protection floor", "Costing", "ILO", "01/03/2012", ""],
    ["Viet Nam", "Pension law", "Legal drafting", "ILO", "2012-06-01", "2013-06-01"],
]


def test_it_changes_nothing_when_the_same_file_comes_twice(secretariat):
    basics()
    first = run(secretariat, csv_bytes(ROWS, header=HEADER), "partner.csv")
    again = run(secretariat, csv_bytes(ROWS, header=HEADER), "partner.csv")
    assert (first.created_count, again.new_count, again.changed_count) == (2, 0, 0)
    assert (again.unchanged_count, Activity.objects.count()) == (2, 2)


def test_it_says_the_very_file_was_imported_before(secretariat_client):
    basics()
    data = csv_bytes(ROWS, header=HEADER)
    job_url = upload(secretariat_client, data).url
    secretariat_client.post(job_url + "apply/")
    page = secretariat_client.get(upload(secretariat_client, data).url).content.decode()
    assert "This very file was imported before" in page


def test_it_takes_a_close_title_for_the_activity_the_hub_has(secretariat):
    _, ilo, _ = basics()
    known = make_activity(
        agencies={ilo: Role.LEAD},
        title="Costing the Social Protection Floors",
        activity_type="costing",
    )
    job = preview(secretariat, csv_bytes(ROWS[:1], header=HEADER))
    assert (job.new_count, job.changed_count) == (0, 1)
    assert job.preview["rows"][0]["probably"] == known.reference


def test_it_creates_the_row_the_person_says_is_new(secretariat_client):
    _, ilo, _ = basics()
    make_activity(
        agencies={ilo: Role.LEAD}, title="Pension law", start_date=datetime.date(2012, 1, 1)
    )
    job_url = upload(secretariat_client, csv_bytes(ROWS[1:], header=HEADER)).url
    job = ImportJob.objects.get()
    decide = {"new_rows": "1", "new": ["2"]}
    secretariat_client.post(reverse("imports:decide", args=[job.pk]), decide)
    secretariat_client.post(job_url + "apply/")
    assert ImportJob.objects.get().status == ImportStatus.APPLIED
    assert Activity.objects.filter(title="Pension law").count() == 2


def test_it_keeps_activities_of_other_years_apart(secretariat):
    _, ilo, _ = basics()
    make_activity(
        agencies={ilo: Role.LEAD},
        title="Pension law",
        start_date=datetime.date(2008, 1, 1),
        end_date=datetime.date(2009, 1, 1),
    )
    job = preview(secretariat, csv_bytes(ROWS[1:], header=HEADER))
    assert (job.new_count, job.changed_count) == (1, 0)


def test_it_never_takes_a_members_row_for_another_agencys_activity(member_a, agency_b):
    from tests.factories import make_country

    make_country("VN")
    make_activity(agencies={agency_b: Role.LEAD}, title="Pension law", start_date=None)
    job = preview(
        member_a,
        csv_bytes([["Viet Nam", "Pension law", "Legal drafting", "AGA", "", ""]], header=HEADER),
    )
    assert (job.new_count, job.error_count) == (1, 0)


def test_it_tells_numbered_phases_apart(secretariat):
    _, ilo, _ = basics()
    make_activity(agencies={ilo: Role.LEAD}, title="Pension law, phase 1", start_date=None)
    job = preview(
        secretariat,
        csv_bytes([["VNM", "Pension law, phase 2", "Study", "ILO", "", ""]], header=HEADER),
    )
    assert job.new_count == 1


def test_it_refuses_a_row_deleted_from_the_hub_since_the_download(secretariat):
    _, ilo, _ = basics()
    gone = make_activity(agencies={ilo: Role.LEAD}, title="Gone")
    reference = gone.reference
    gone.delete()
    header = ["Reference", "Country code", "Title", "Type", "Lead agency"]
    job = run(secretariat, csv_bytes([[reference, "VNM", "Gone", "Study", "ILO"]], header=header))
    assert errors(job)[0].startswith(f"row 2, Reference: {reference} was deleted from the hub on")
    assert not Activity.objects.exists()
