"""core.latest.first_of_each: each group's first row, by DISTINCT ON on PostgreSQL and by a
window's row number elsewhere (SQLite, for `make run`); both ways give the same rows."""

import datetime

import pytest
from django.db import connection

from activities.as_of import latest_records
from activities.models import Activity, Role
from activities.services import update_activity
from tests.factories import make_activity, make_country

pytestmark = pytest.mark.django_db


def _latest_titles(when) -> set[tuple[int, str]]:
    return set(latest_records(Activity.history.model, when).values_list("id", "title"))


@pytest.fixture
def edited(agency_a, secretariat):
    country = make_country("SN")
    first = make_activity(country, {agency_a: Role.LEAD}, title="First")
    second = make_activity(country, {agency_a: Role.LEAD}, title="Second")
    for title in ("First, renamed", "First, renamed again"):
        first.title = title
        update_activity(secretariat, first, first.version, {agency_a: Role.LEAD})
        first.refresh_from_db()
    return first, second


def test_both_ways_give_each_objects_latest_record(edited, monkeypatch):
    first, second = edited
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=1)
    expected = {(first.pk, "First, renamed again"), (second.pk, "Second")}
    assert connection.features.can_distinct_on_fields  # the suite runs on PostgreSQL
    assert _latest_titles(later) == expected
    # The portable way, as SQLite takes it (PostgreSQL runs window functions too).
    monkeypatch.setattr(connection.features, "can_distinct_on_fields", False)
    assert _latest_titles(later) == expected
