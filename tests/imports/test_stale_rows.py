"""No stale overwrites: a row downloaded before someone else's edit is compared three ways
(as downloaded, the hub now, the file): the newer edit is never undone without a choice."""

import csv
import io

import pytest
from django.urls import reverse

from activities.exports import export_response
from activities.models import Activity, ActivityStatus, Role, Tool
from activities.services import update_activity
from imports.models import ImportJob, ImportStatus
from tests.exports.matrix import body
from tests.factories import make_activity, make_agency
from tests.imports.helpers import basics, preview, run, upload

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def download() -> list[dict]:
    response = export_response(Activity.objects.all(), "csv", include_contacts=True, filename="m")
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))


def as_file(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


@pytest.fixture
def stale(secretariat):
    """A download of one activity, then someone else's edit of its title in the hub."""
    _, ilo, _ = basics()
    activity = make_activity(agencies={ilo: Role.LEAD}, title="As downloaded")
    rows = download()
    activity.refresh_from_db()
    activity.title = "Edited in the hub"
    update_activity(secretariat, activity, activity.version)
    return rows


def test_it_applies_a_cell_changed_only_in_the_file(secretariat, stale):
    stale[0]["Status"] = "Planned"
    run(secretariat, as_file(stale))
    activity = Activity.objects.get()
    assert (activity.title, activity.status) == ("Edited in the hub", ActivityStatus.PLANNED)


def test_it_keeps_a_cell_changed_only_in_the_hub(secretariat, stale):
    job = run(secretariat, as_file(stale))
    assert (job.changed_count, job.unchanged_count) == (0, 1)
    assert Activity.objects.get().title == "Edited in the hub"


def test_it_keeps_an_agency_added_in_the_hub_since_the_download(secretariat, stale):
    activity = Activity.objects.get()
    activity.participations.create(agency=make_agency("WHO"), role=Role.PARTNER)
    activity.save()  # a new version, saved with its agencies
    stale[0]["Status"] = "Planned"
    run(secretariat, as_file(stale))
    assert set(activity.participations.values_list("agency__acronym", flat=True)) == {"ILO", "WHO"}


def test_it_shows_a_cell_changed_on_both_sides_as_a_conflict(secretariat, stale):
    stale[0]["Title"] = "Edited in the file"
    job = preview(secretariat, as_file(stale))
    assert (job.conflict_count, job.can_apply) == (1, False)
    assert job.preview["rows"][0]["conflicts"] == [
        ["Title", "As downloaded", "Edited in the hub", "Edited in the file"]
    ]


def test_it_applies_nothing_while_a_conflict_waits_for_a_choice(secretariat_client, stale):
    stale[0]["Title"] = "Edited in the file"
    stale[0]["Status"] = "Planned"
    job_url = upload(secretariat_client, as_file(stale)).url
    secretariat_client.post(job_url + "apply/")
    activity = Activity.objects.get()
    assert (activity.title, activity.status) == ("Edited in the hub", ActivityStatus.ONGOING)
    assert (
        "changed both in the hub and in the file"
        in secretariat_client.get(job_url).content.decode()
    )


@pytest.mark.parametrize(
    "choice, title", [("file", "Edited in the file"), ("hub", "Edited in the hub")]
)
def test_it_applies_the_side_the_person_chose(secretariat_client, stale, choice, title):
    stale[0]["Title"] = "Edited in the file"
    stale[0]["Status"] = "Planned"
    job_url = upload(secretariat_client, as_file(stale)).url
    job = ImportJob.objects.get()
    secretariat_client.post(reverse("imports:decide", args=[job.pk]), {"conflict_2": choice})
    secretariat_client.post(job_url + "apply/")
    activity = Activity.objects.get()
    assert ImportJob.objects.get().status == ImportStatus.APPLIED
    assert (activity.title, activity.status) == (title, ActivityStatus.PLANNED)


def test_it_takes_a_tools_difference_on_a_stale_row_for_a_conflict(secretariat, stale):
    Tool.objects.create(name="Rapid Assessment Protocol", acronym="RAP")
    stale[0]["Tools used"] = "RAP"
    job = preview(secretariat, as_file(stale))
    assert job.conflict_count == 1
