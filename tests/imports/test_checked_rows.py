"""The rows checked by the preview are what the apply writes, whatever values each row has."""

import datetime

import pytest

from imports.checking import Checked, rows_from_json, rows_to_json
from imports.matching import Lookup
from imports.models import ImportJob
from imports.rows import RowInput
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_it_keeps_each_rows_own_values_through_the_stored_preview():
    rows = [
        RowInput(2, "SPF-AAAA01", {"title": "A", "start_date": datetime.date(2012, 5, 31)}),
        RowInput(3, "", {"title": "B", "new_focal_point": [1, "Awa", ""], "roles": {4: "lead"}}),
    ]
    job = ImportJob.objects.create(user=make_user(), file_name="x.csv", file_data=b"x")
    job.checked_rows = rows_to_json(Checked(rows, frozenset({"lead"}), Lookup()))
    job.save()
    job.refresh_from_db()
    back = rows_from_json(job.checked_rows)
    assert [(row.number, row.reference, row.values) for row in back.rows] == [
        (row.number, row.reference, row.values) for row in rows
    ]


def test_reading_them_back_lets_the_stored_form_go_and_shares_equal_values():
    """The apply holds the decoded rows, not also their stored form; rows naming the same
    tools or dates share one object (the import's memory at 100,000 rows)."""
    day = datetime.date(2012, 5, 31)
    rows = [
        RowInput(n, f"SPF-AAAA0{n}", {"start_date": day, "tools_used": frozenset({1, 2})})
        for n in (2, 3)
    ]
    stored = rows_to_json(Checked(rows, frozenset(), Lookup()))
    back = rows_from_json(stored).rows
    assert stored["rows"] == []
    assert [row.values for row in back] == [row.values for row in rows]
    assert back[0].values["tools_used"] is back[1].values["tools_used"]
    assert back[0].values["start_date"] is back[1].values["start_date"]
