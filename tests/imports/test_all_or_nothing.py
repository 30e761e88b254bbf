"""A preview writes nothing; an apply writes the whole file or nothing at all."""

import pytest

from activities.models import Activity, ActivityAgency
from imports.jobs import apply_job
from imports.models import ImportJob, ImportStatus
from tests.factories import Role, make_activity
from tests.imports.helpers import basics, csv_bytes, preview, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_it_writes_nothing_on_a_preview(secretariat):
    _, ilo, _ = basics()
    activity = make_activity(agencies={ilo: Role.LEAD}, title="Old title")
    rows = [
        [activity.reference, "VNM", "New title", "Study", "", "ILO", "UNICEF"],
        ["", "VNM", "Another", "Study", "", "ILO", ""],
    ]
    job = preview(secretariat, csv_bytes(rows))
    assert (job.new_count, job.changed_count) == (1, 1)
    assert list(Activity.objects.values_list("title", flat=True)) == ["Old title"]


def test_it_applies_nothing_when_one_row_has_an_error(secretariat):
    basics()
    rows = [
        ["", "VNM", "Good row", "Study", "", "ILO", ""],
        ["", "Atlantis", "Bad row", "Study", "", "ILO", ""],
    ]
    job = run(secretariat, csv_bytes(rows))
    assert (job.status, job.error_count) == (ImportStatus.PREVIEWED, 1)
    assert not Activity.objects.exists()


def test_it_refuses_to_apply_a_preview_with_errors_through_the_page(secretariat_client):
    basics()
    from tests.imports.helpers import upload

    upload(secretariat_client, csv_bytes([["", "Atlantis", "Bad row", "Study", "", "ILO", ""]]))
    job = ImportJob.objects.get()
    secretariat_client.post(f"/import/{job.pk}/apply/")
    assert not Activity.objects.exists()
    assert ImportJob.objects.get().status == ImportStatus.PREVIEWED


def test_it_rolls_back_everything_when_a_write_fails(secretariat):
    _, ilo, _ = basics()
    taken = make_activity(agencies={ilo: Role.LEAD}, title="Taken").reference
    job = preview(secretariat, csv_bytes([["", "VNM", "First", "Study", "", "ILO", ""]]))
    # Between preview and apply the row's data changes so that the insert must fail.
    from imports import apply as writer

    original = writer.new_reference
    writer.new_reference = lambda: taken
    try:
        apply_job(job.pk)
    finally:
        writer.new_reference = original
    job.refresh_from_db()
    assert (job.status, "nothing was written" in job.error) == (ImportStatus.FAILED, True)
    assert list(Activity.objects.values_list("title", flat=True)) == ["Taken"]


def test_it_applies_a_job_once_when_the_task_runs_twice(secretariat):
    basics()
    job = preview(secretariat, csv_bytes([["", "VNM", "Once", "Study", "", "ILO", "UNICEF"]]))
    apply_job(job.pk)
    apply_job(job.pk)
    assert Activity.objects.count() == 1
    assert ActivityAgency.objects.count() == 2


def test_it_finishes_a_job_left_applying_by_a_dead_worker(secretariat):
    basics()
    job = preview(secretariat, csv_bytes([["", "VNM", "Retried", "Study", "", "ILO", ""]]))
    ImportJob.objects.filter(pk=job.pk).update(status=ImportStatus.APPLYING)
    apply_job(job.pk)
    assert ImportJob.objects.get().status == ImportStatus.APPLIED
    assert Activity.objects.get().title == "Retried"
