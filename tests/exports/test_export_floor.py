"""The bench's floor of the XLSX export (devtools.benchmarks.exports.raw_export) fetches the
same cells as the export, in one query: otherwise it measures something else, and the
export's ratio to it says nothing."""

import pytest
from django.db import connection

from activities.exports import ActivityTable
from activities.models import Activity, Role, Tool
from devtools.benchmarks.exports import raw_export, raw_sql
from tests.factories import make_agency, make_focal_point
from tests.places_world import places_world

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def floor_rows(django_assert_num_queries) -> dict[str, list]:
    with django_assert_num_queries(1), connection.cursor() as cursor:
        cursor.execute(raw_sql())
        return {row[0]: ["" if cell is None else cell for cell in row] for row in cursor}


def export_rows() -> dict[str, list]:
    rows = ActivityTable(Activity.objects.all(), include_contacts=True).iter_table()
    next(rows)  # the header
    return {row[0]: ["" if cell is None else cell for cell in row] for row in rows}


def test_the_floor_fetches_the_exports_cells_in_one_query(django_assert_num_queries):
    world = places_world()
    person = make_focal_point(world.ilo, world.sn, name="Ana Ruiz", email="ana@example.org")
    Activity.objects.filter(pk=world.dakar.pk).update(
        focal_point=person, covers_health=True, description="=1+1 stays as typed"
    )
    used, needed = Tool.objects.create(name="RAP"), Tool.objects.create(name="CODI")
    for activity in Activity.objects.all()[:3]:
        activity.tools_used.add(used, needed)
        activity.tools_needed.add(needed)
    first = Activity.objects.order_by("pk").first()
    first.participations.create(agency=make_agency("FAO"), role=Role.CO_LEAD)

    floor, hub = floor_rows(django_assert_num_queries), export_rows()

    assert len(hub) == Activity.objects.count() == 5
    assert floor == hub
    assert raw_export() > 0
