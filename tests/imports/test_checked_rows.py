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
