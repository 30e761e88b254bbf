"""A large file goes through the Celery task; its page refreshes until the job is done."""

import pytest

from activities.models import Activity
from imports.jobs import TASK_THRESHOLD
from imports.models import ImportJob, ImportStatus
from tests.imports.helpers import basics, upload, xlsx_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

ROWS = TASK_THRESHOLD + 100


def big_file() -> bytes:
    return xlsx_bytes([["", "VNM", f"Row {i}", "Study", "", "ILO", "UNICEF"] for i in range(ROWS)])


def test_it_previews_a_large_file_in_a_task(secretariat_client, django_capture_on_commit_callbacks):
    basics()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = upload(secretariat_client, big_file(), "big.xlsx")
    page = secretariat_client.get(response.url).content.decode()
    assert (len(queued), 'http-equiv="refresh"' in page) == (1, True)
    queued[0]()  # the task, run here as the worker would
    assert ImportJob.objects.get().new_count == ROWS


def test_it_applies_a_large_file_in_a_task(secretariat_client, django_capture_on_commit_callbacks):
    basics()
    with django_capture_on_commit_callbacks(execute=True):
        job_url = upload(secretariat_client, big_file(), "big.xlsx").url
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(job_url + "apply/")
    page = secretariat_client.get(job_url).content.decode()
    assert ImportJob.objects.get().status == ImportStatus.APPLIED
    assert (Activity.objects.count(), f"{ROWS} activities created" in page) == (ROWS, True)
