"""A large results file goes through the Celery tasks, as a large matrix file does: the
upload queues the preview, the job page refreshes until it is done, and the apply is queued
too and writes every value once."""

import datetime

import pytest

from imports.jobs import TASK_THRESHOLD
from imports.models import ImportJob, ImportStatus
from results.models import ReportingPeriod, ResultValue
from tests.imports.helpers import upload, xlsx_bytes
from tests.results.open_data_world import build_results

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HEADER = ["Activity reference", "Country code", "Indicator code", "Period", "Value"]
# Eight indicators of the starting set that take a plain number between 0 and 100.
CODES = [
    "SDG-1.3.1",
    "SDG-1.3.1-children",
    "SDG-1.3.1-mothers",
    "SDG-1.3.1-disability",
    "SDG-1.3.1-unemployed",
    "SDG-1.3.1-older",
    "SDG-1.3.1-vulnerable",
    "PEOPLE-NEW",
]
MONTHS = TASK_THRESHOLD // len(CODES) + 5


@pytest.fixture
def big_file(agency_a, agency_b) -> bytes:
    """More rows than the threshold: eight indicators a month on one activity, per month
    since the activity started."""
    world = build_results(agency_a, agency_b)
    labels = []
    for n in range(MONTHS):
        start = datetime.date(2024 + n // 12, n % 12 + 1, 1)
        label = f"Month {start:%Y-%m}"
        end = datetime.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        ReportingPeriod.objects.create(
            label=label, start=start, end=end - datetime.timedelta(days=1)
        )
        labels.append(label)
    rows = [
        [world.costing.reference, "VNM", code, label, "50"] for label in labels for code in CODES
    ]
    assert len(rows) > TASK_THRESHOLD
    return xlsx_bytes(rows, header=HEADER, title="Results")


def test_it_previews_a_large_results_file_in_a_task(
    member_a_client, big_file, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = upload(member_a_client, big_file, "results.xlsx")
    page = member_a_client.get(response.url).content.decode()
    assert (len(queued), 'http-equiv="refresh"' in page) == (1, True)
    queued[0]()  # the task, run here as the worker would
    job = ImportJob.objects.get()
    assert (job.status, job.preview["kind"]) == (ImportStatus.PREVIEWED, "results")
    assert (job.new_count, job.error_count) == (MONTHS * len(CODES), 0)
    assert not ResultValue.objects.filter(period__label__startswith="Month").exists()


def test_it_applies_a_large_results_file_in_a_task_once(
    member_a_client, big_file, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job_url = upload(member_a_client, big_file, "results.xlsx").url
    with django_capture_on_commit_callbacks(execute=True) as queued:
        member_a_client.post(job_url + "apply/")
    assert len(queued) == 1  # the apply went to the worker, not the request
    # A second press of the button (or a retried request) queues nothing and writes nothing.
    with django_capture_on_commit_callbacks(execute=True) as again:
        member_a_client.post(job_url + "apply/")
    assert again == []
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.APPLIED
    assert ResultValue.objects.filter(period__label__startswith="Month").count() == (
        MONTHS * len(CODES)
    )
