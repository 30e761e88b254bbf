"""The job's progress is saved a few times a check, not every few hundred rows."""

import pytest

from imports.jobs import save_progress
from imports.models import ImportJob
from tests.factories import make_user

pytestmark = [pytest.mark.django_db]


def test_progress_is_saved_first_then_at_most_every_second_and_at_the_end(
    django_assert_num_queries,
):
    job = ImportJob.objects.create(user=make_user(), file_name="x.csv", file_data=b"x")
    progress = save_progress(job, every=3600)  # a check far shorter than that
    with django_assert_num_queries(2):  # the first report, and the last (all rows done)
        for done in range(500, 100_000, 500):
            progress(done, 100_000)
        progress(100_000, 100_000)
    job.refresh_from_db()
    assert (job.rows_done, job.rows_total) == (100_000, 100_000)
