"""The long HXL shape: one row per activity and agency, one agency column and one role
column."""

import pytest
from django.urls import reverse

from activities.models import ActivityAgency
from tests.exports.matrix import lists_world, read_hxl
from tests.factories import make_activity

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def world(db):
    return lists_world()


def long_rows(client):
    response = client.get(reverse("activities:matrix_export"), {"format": "hxl-long"})
    return read_hxl(response).cache()


def test_it_has_one_row_per_activity_and_agency(client, world):
    pairs = sorted((row.get("#meta+id"), row.get("#org+name")) for row in long_rows(client))
    links = ActivityAgency.objects.values_list("activity__reference", "agency__acronym")
    assert pairs == sorted(links)
    assert len(pairs) == 7


def test_it_has_one_agency_column_and_one_role_column(client, world):
    rows = long_rows(client)
    funding = [row.get("#org+name") for row in rows if row.get("#meta+role") == "funder"]
    assert funding == ["ILO"]
    assert not [tag for tag in rows.display_tags if tag.startswith("#org") and tag != "#org+name"]


def test_it_keeps_an_activity_without_agencies(client, world):
    alone = make_activity(world["peru"], title="No agency yet")
    rows = [row for row in long_rows(client) if row.get("#meta+id") == alone.reference]
    assert len(rows) == 1
    assert not rows[0].get("#org+name")
