"""The rows checked by the preview are what the apply writes, whatever values each row has."""

import datetime

import pytest

from activities.choices import ActivityStatus, ActivityType
from activities.models import Activity, Tool
from imports.checking import PACK_ROWS, Checked, check_file, pack_rows, unpack_rows
from imports.jobs import apply_job
from imports.matching import Lookup
from imports.models import ImportJob
from imports.rows import RowInput
from tests.factories import Role, make_activity, make_user
from tests.imports.helpers import basics, csv_bytes, preview

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_it_keeps_each_rows_own_values_through_the_stored_preview():
    rows = [
        RowInput(2, "SPF-AAAA01", {"title": "A", "start_date": datetime.date(2012, 5, 31)}),
        RowInput(3, "", {"title": "B", "new_focal_point": [1, "Awa", ""], "roles": {4: "lead"}}),
        RowInput(
            4,
            "SPF-AAAA02",
            {"title": "Line\nbreaks\r\nand “quotes”", "countries": frozenset({7, 9})},
            blank=frozenset({"focal_point_id"}),
        ),
    ]
    job = ImportJob.objects.create(user=make_user(), file_name="x.csv", file_data=b"x")
    job.checked_rows = pack_rows(Checked(rows, frozenset({"lead"}), Lookup()))
    job.save()
    job.refresh_from_db()
    back = unpack_rows(bytes(job.checked_rows))
    assert back.managed == frozenset({"lead"})
    assert [(row.number, row.reference, row.values, row.blank) for row in back.rows] == [
        (row.number, row.reference, row.values, row.blank) for row in rows
    ]


def test_a_large_file_comes_back_whole_and_shares_equal_values():
    """Rows are packed a thousand a line and unpacked a part at a time: none is lost at the
    seams; rows naming the same tools or dates share one object (the import's memory at
    100,000 rows)."""
    day = datetime.date(2012, 5, 31)
    count = 2 * PACK_ROWS + 7
    rows = [
        RowInput(n, f"SPF-{n:06d}", {"start_date": day, "tools_used": frozenset({1, 2})})
        for n in range(2, count + 2)
    ]
    packed = pack_rows(Checked(rows, frozenset(), Lookup()))
    back = unpack_rows(packed).rows
    assert [row.number for row in back] == [row.number for row in rows]
    assert [row.values for row in back] == [row.values for row in rows]
    assert back[0].values["tools_used"] is back[-1].values["tools_used"]
    assert back[0].values["start_date"] is back[-1].values["start_date"]
    assert len(packed) < 30 * count  # compressed: a few bytes a row, not a row's JSON


def test_the_preview_keeps_the_rows_only_for_a_file_it_can_apply(secretariat):
    """The apply writes the kept rows (not the file read again); a preview with nothing to
    apply keeps none (any choice on its page checks the file again)."""
    vn, ilo, unicef = basics()
    activity = make_activity(
        vn,
        {ilo: Role.LEAD, unicef: Role.PARTNER},
        title="Census",
        activity_type=ActivityType.STUDY,
        status=ActivityStatus.ONGOING,
    )
    row = [activity.reference, "VNM", "Census", "Study", "Ongoing", "ILO", "UNICEF"]
    same = preview(secretariat, csv_bytes([row]))
    assert (same.changed_count, same.can_apply, bytes(same.checked_rows)) == (0, False, b"")

    changed = preview(secretariat, csv_bytes([[*row[:2], "Census 2026", *row[3:]]]))
    assert changed.can_apply and changed.checked_rows
    ImportJob.objects.filter(pk=changed.pk).update(file_data=b"not read again")
    apply_job(changed.pk)
    changed.refresh_from_db()
    assert (changed.status, changed.updated_count) == ("applied", 1)
    assert Activity.objects.get(pk=activity.pk).title == "Census 2026"


def test_rows_naming_the_same_tools_dates_and_blanks_share_one_object():
    """A file's rows repeat a few sets and dates: one object each, not one per row."""
    basics()
    Tool.objects.create(name="Rapid Assessment Protocol", acronym="RAP")
    Tool.objects.create(name="ISPA", acronym="ISPA")
    header = ["Country code", "Title", "Type", "Lead agency", "Tools used", "Start date", "Funding"]
    cells = ["VNM", "Type", "Study", "ILO", "RAP; ISPA", "2012-05-31", ""]
    rows = check_file(
        csv_bytes([[*cells[:1], f"Title {n}", *cells[2:]] for n in range(3)], header)
    ).rows
    assert not any(row.errors for row in rows)
    first, *others = rows
    for row in others:
        assert row.values["tools_used"] is first.values["tools_used"]
        assert row.values["start_date"] is first.values["start_date"]
        assert row.blank is first.blank and "funding" in row.blank
