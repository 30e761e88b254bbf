"""A file is compared and written a part of its rows at a time (imports.compare.COMPARE_PART
rows, 5,000): as one import all the same. Here the parts are two rows, or one."""

import pytest

from activities.models import Activity, Tool
from agencies.models import FocalPoint
from imports import compare
from imports.jobs import apply_job, preview_job
from imports.models import ImportStatus
from tests.factories import Role, make_activity, make_secretariat
from tests.imports.helpers import basics, csv_bytes, errors, preview, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def parts_of_two(monkeypatch):
    monkeypatch.setattr(compare, "COMPARE_PART", 2)


def five_activities():
    vn, ilo, _ = basics()
    return [make_activity(vn, {ilo: Role.LEAD}, title=f"Old {n}") for n in range(5)]


def rows_of(activities):
    return [
        [a.reference, "VNM", f"New {n}", "Study", "", "ILO", ""] for n, a in enumerate(activities)
    ]


def test_the_preview_counts_and_lists_every_part(secretariat, parts_of_two):
    activities = five_activities()
    rows = rows_of(activities)
    rows[1][1] = "Atlantis"  # an error in the first part
    rows[4][2] = "Old 4"  # the last part: unchanged but for its type
    job = preview(secretariat, csv_bytes(rows))
    assert (job.changed_count, job.error_count, job.unchanged_count) == (4, 1, 0)
    listed = [(row["n"], row["s"]) for row in job.preview["rows"]]
    assert listed == [(3, "error"), (2, "changed"), (4, "changed"), (5, "changed"), (6, "changed")]


def test_a_later_part_with_an_error_undoes_the_parts_written_before_it(secretariat, parts_of_two):
    activities = five_activities()
    job = preview(secretariat, csv_bytes(rows_of(activities)))
    assert (job.changed_count, job.can_apply) == (5, True)
    activities[4].delete()  # the data moves before the apply: the last part's row fails
    apply_job(job.pk)
    job.refresh_from_db()
    assert (job.status, job.error_count) == (ImportStatus.FAILED, 1)
    assert "nothing was imported" in job.error
    assert [row["s"] for row in job.preview["rows"]] == ["error", *["changed"] * 4]
    assert sorted(Activity.objects.values_list("title", flat=True)) == [
        f"Old {n}" for n in range(4)
    ]
    assert not Activity.history.filter(history_change_reason__startswith="Imported").exists()


def test_every_part_is_written_at_one_moment(secretariat, parts_of_two):
    activities = five_activities()
    job = run(secretariat, csv_bytes(rows_of(activities)))
    assert (job.status, job.updated_count) == (ImportStatus.APPLIED, 5)
    imported = Activity.history.filter(history_change_reason__startswith="Imported")
    assert imported.count() == 5
    assert imported.values("history_date").distinct().count() == 1
    assert [title for _ref, title in job.result["changed"]] == [f"New {n}" for n in range(5)]


def test_a_person_and_a_tool_named_in_several_parts_are_added_once(monkeypatch, db):
    monkeypatch.setattr(compare, "COMPARE_PART", 1)
    basics()
    header = ["Country", "Title", "Type", "Lead agency", "Focal point", "Focal point email"]
    header.append("Tools used")
    rows = [
        ["Viet Nam", "Pension study", "Study", "ILO", "Marta Gómez", "m.gomez@example.org", "X"],
        ["Viet Nam", "Child grant pilot", "Pilot", "UNICEF", "Marta Gómez", "", "X"],
        ["Viet Nam", "Survey", "Study", "ILO", "Marta Gómez", "m.gomez@example.org", "X"],
    ]
    person = make_secretariat()
    job = preview(person, csv_bytes(rows, header=header))
    # The unknown tool, confirmed as new on the page, is added with the apply.
    job.choices = {"new_tools": ["x"]}
    job.status = ImportStatus.PENDING
    job.save()
    preview_job(job)
    job.refresh_from_db()
    assert (errors(job), job.new_count) == ([], 3)
    apply_job(job.pk)
    job.refresh_from_db()
    assert (job.status, job.created_count) == (ImportStatus.APPLIED, 3)
    assert list(FocalPoint.objects.values_list("name", "email")) == [
        ("Marta Gómez", "m.gomez@example.org")
    ]
    assert list(Tool.objects.values_list("name", flat=True)) == ["X"]
    people = {a.focal_point_id for a in Activity.objects.all()}
    tools = {t for a in Activity.objects.all() for t in a.tools_used.values_list("name", flat=True)}
    assert (len(people), tools) == (1, {"X"})
