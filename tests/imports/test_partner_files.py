"""Done means: three partners' own files (English XLSX, French ODS, Spanish CSV) import with
exactly their truly wrong rows named and nothing else lost; importing again changes nothing."""

import datetime

import pytest
from django.urls import reverse

from activities.models import Activity
from imports.models import ImportJob, ImportStatus
from tests.imports.helpers import upload
from tests.imports.partner_files import WRONG_ROWS, file_bytes, partners_hub

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def checked(client, language: str, *, without_wrong_rows: bool = False) -> ImportJob:
    """Upload the file; accept the mapping step's guesses as they are."""
    data, name = file_bytes(language, without_wrong_rows=without_wrong_rows)
    upload(client, data, name)
    job = ImportJob.objects.latest("pk")
    if job.status == ImportStatus.MAPPING:
        guesses = {f"column_{column['index']}": column["field"] for column in job.columns}
        client.post(reverse("imports:columns", args=[job.pk]), guesses)
        job.refresh_from_db()
    return job


def error_rows(job: ImportJob) -> list[int]:
    return sorted(row["n"] for row in job.preview["rows"] if row["s"] == "error")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_it_names_exactly_the_truly_wrong_rows(secretariat_client, language):
    partners_hub()
    job = checked(secretariat_client, language)
    assert error_rows(job) == WRONG_ROWS[language], job.preview["rows"]
    assert job.new_count == len(job.preview["rows"]) - 3


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_it_imports_the_corrected_file_once(secretariat_client, language):
    partners_hub()
    checked(secretariat_client, language)
    job = checked(secretariat_client, language, without_wrong_rows=True)
    secretariat_client.post(reverse("imports:apply", args=[job.pk]))
    again = checked(secretariat_client, language, without_wrong_rows=True)
    assert ImportJob.objects.get(pk=job.pk).status == ImportStatus.APPLIED
    assert (again.new_count, again.changed_count, again.error_count) == (0, 0, 0)


def test_it_loses_nothing_of_an_english_row(secretariat_client):
    partners_hub()
    job = checked(secretariat_client, "en", without_wrong_rows=True)
    secretariat_client.post(reverse("imports:apply", args=[job.pk]))
    study = Activity.objects.get(title="Pension reform study")
    assert (study.country.code, study.activity_type, study.covers_older_persons) == (
        "VN",
        "study",
        True,
    )
    assert (study.start_date, study.end_date) == (
        datetime.date(2012, 3, 15),
        datetime.date(2013, 6, 30),
    )
    assert sorted(study.participations.values_list("agency__acronym", "role")) == [
        ("ILO", "lead"),
        ("UN Women", "partner"),
        ("UNICEF", "partner"),
    ]
    assert (study.focal_point.name, study.focal_point.email) == ("Ana Ruiz", "a.ruiz@ilo.org")
