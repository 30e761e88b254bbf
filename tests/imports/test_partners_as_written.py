"""Must show (issue 23): partners' files as people write them (partners_as_written) come in
with no hand edits: the truly wrong rows named (row, column, value, reason), every other
row imported after choices made in the page alone, and the same file again: 0 changes."""

import pytest
from django.urls import reverse

from activities.models import Activity
from agencies.models import Agency
from imports.models import ImportJob, ImportStatus
from tests.imports.helpers import upload
from tests.imports.partners_as_written import FILES, PartnerFile, partners_hub

pytestmark = pytest.mark.django_db


def errors_of(job: ImportJob) -> list[tuple]:
    return [
        (row["n"], column, value, reason)
        for row in job.preview["rows"]
        if row["s"] == "error"
        for column, value, reason in row["errors"]
    ]


def target(answer: str, kind: str) -> str:
    """The page's option for an answer: an agency by its acronym, a type by its code."""
    if answer in ("add", "out"):
        return answer
    if kind == "agency":
        return f"map:{Agency.objects.get(acronym=answer).pk}"
    return f"map:{answer}"


def through_the_pages(client, partner: PartnerFile, *, wrong_first: bool = False) -> ImportJob:
    """Upload the file as it is and make the page's choices: the mapping step's guesses,
    the answers for unknown values, the realignments, the truly wrong rows left out."""
    upload(client, partner.data, partner.name)
    job = ImportJob.objects.latest("pk")
    if job.status == ImportStatus.MAPPING:
        guesses = {f"column_{column['index']}": column["field"] for column in job.columns}
        client.post(reverse("imports:columns", args=[job.pk]), guesses)
        job.refresh_from_db()
    assert job.status == ImportStatus.PREVIEWED, job.error
    answers = {
        f"value_{index}": target(partner.values[written], kind)
        for index, (kind, written, _rows) in enumerate(job.preview.get("unknown", []))
        if written in partner.values
    }
    if answers:
        client.post(reverse("imports:values", args=[job.pk]), answers)
    if partner.realign:
        realign = {"realign_rows": "1", "realign": [str(n) for n in partner.realign]}
        client.post(reverse("imports:reading", args=[job.pk]), realign)
    job.refresh_from_db()
    if wrong_first:
        return job
    skip = sorted({row for row, *_rest in partner.wrong})
    if skip:
        client.post(reverse("imports:reading", args=[job.pk]), {"skip_rows": "1", "skip": skip})
        job.refresh_from_db()
    return job


@pytest.mark.parametrize("language", sorted(FILES))
def test_the_truly_wrong_rows_are_named_and_nothing_else(secretariat_client, language):
    partners_hub()
    partner = FILES[language]
    job = through_the_pages(secretariat_client, partner, wrong_first=True)
    assert errors_of(job) == partner.wrong
    assert [number for number, *_rest in job.preview["not_read"]] == partner.not_read
    assert job.preview.get("sheet", "") == partner.sheet


@pytest.mark.parametrize("language", sorted(FILES))
def test_every_other_row_comes_in_and_the_same_file_again_changes_nothing(
    secretariat_client, language
):
    partners_hub()
    partner = FILES[language]
    job = through_the_pages(secretariat_client, partner)
    assert (job.error_count, job.unsure_count, job.new_count) == (0, 0, partner.creates)
    secretariat_client.post(reverse("imports:apply", args=[job.pk]))
    job.refresh_from_db()
    assert (job.status, job.created_count) == (ImportStatus.APPLIED, partner.creates)
    count, history = Activity.objects.count(), Activity.history.count()
    again = through_the_pages(secretariat_client, partner)
    assert (again.error_count, again.new_count, again.changed_count) == (0, 0, 0)
    assert again.unchanged_count == partner.creates
    assert (Activity.objects.count(), Activity.history.count()) == (count, history)


def imported(client, language: str) -> None:
    job = through_the_pages(client, FILES[language])
    client.post(reverse("imports:apply", args=[job.pk]))


def agencies_of(title: str) -> set[tuple[str, str]]:
    activity = Activity.objects.get(title=title)
    return set(activity.participations.values_list("agency__acronym", "role"))


def test_nothing_of_a_row_is_lost_on_the_way(secretariat_client):
    import datetime

    partners_hub()
    for language in FILES:
        imported(secretariat_client, language)
    study = Activity.objects.get(title="Social pension study")
    assert (study.start_date, study.end_date) == (
        datetime.date(2012, 3, 1),
        datetime.date(2013, 6, 30),
    )
    assert (study.covers_older_persons, study.covers_health, study.covers_children) == (
        True,
        True,
        False,
    )
    assert agencies_of("Social pension study") == {
        ("ILO", "lead"),
        ("UNFPA", "partner"),
        ("UN Women", "partner"),
    }
    assert set(study.tools_used.values_list("acronym", flat=True)) == {"RAP"}
    assert agencies_of("Basic social subsidy costing") == {
        ("ILO", "lead"),
        ("UNICEF", "partner"),
        ("World Bank", "partner"),
    }
    assert agencies_of("Regional dialogue") == {("ECA", "lead"), ("ILO", "partner")}
    shifted = Activity.objects.get(title="Étude des pensions")
    assert (shifted.status, shifted.covers_older_persons) == ("ongoing", True)
    assert agencies_of("Étude des pensions") == {
        ("ILO", "lead"),
        ("UNICEF", "partner"),
        ("WHO", "partner"),
    }
    assert agencies_of("Formation des agents") == {("ILO", "lead"), ("UN Women", "partner")}
    assert agencies_of("Estudio de pensiones no contributivas") == {
        ("ILO", "lead"),
        ("WHO", "partner"),
        ("UNICEF", "partner"),
    }
    assert Activity.objects.get(title="Estudio de caso de salud").activity_type == "study"
    assert agencies_of("Diálogo regional sobre protección social") == {
        ("CEPAL", "lead"),
        ("ILO", "partner"),
    }
