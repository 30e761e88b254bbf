"""Re-importing the hub's own download changes nothing and creates nothing."""

import datetime

import pytest

from activities.exports import export_response
from activities.models import Activity, Tool
from imports.models import ImportStatus
from tests.exports.matrix import body, small_matrix
from tests.factories import Role, make_activity, make_agency
from tests.imports.helpers import run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods", "hxl", "hxl-long"])
def test_it_reimports_its_own_download_without_a_change(secretariat, fmt):
    small_matrix()
    tricky = make_activity(
        title="=1+1 “quoted”, with a comma",
        description="Two lines\nsecond; with -dash\n@at",
        agencies={make_agency("FES"): Role.FUNDER},
        end_date=datetime.date(2014, 12, 31),
        funding="+41 fund",
    )
    tricky.tools_used.add(Tool.objects.create(name="Rapid Assessment Protocol", acronym="RAP"))
    before = Activity.history.count()
    response = export_response(
        Activity.objects.all(), fmt, include_contacts=True, filename="matrix"
    )
    job = run(secretariat, body(response), f"matrix.{fmt}")
    assert job.mapping_source == "recognised", job.status
    assert (job.status, job.new_count, job.changed_count, job.error_count) == (
        ImportStatus.PREVIEWED,
        0,
        0,
        0,
    )
    assert (job.unchanged_count, Activity.history.count()) == (Activity.objects.count(), before)


def test_it_reads_an_export_made_in_french(secretariat):
    from django.utils import translation

    small_matrix()
    with translation.override("fr"):
        response = export_response(
            Activity.objects.all(), "xlsx", include_contacts=True, filename="matrice"
        )
    job = run(secretariat, body(response), "matrice.xlsx")
    assert (job.changed_count, job.error_count) == (0, 0)
    assert job.unchanged_count == 3
