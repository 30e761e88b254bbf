"""The HXL downloads name the SPF tools each activity uses and needs."""

import pytest

from activities.exports import export_response
from activities.models import Activity, Tool
from tests.exports.matrix import read_hxl, small_matrix

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def matrix(db):
    activities = small_matrix()
    rap = Tool.objects.create(name="Rapid Assessment Protocol", acronym="RAP")
    codi = Tool.objects.create(name="Core Diagnostic Instrument", acronym="CODI")
    activities[0].tools_used.add(rap, codi)
    activities[1].tools_needed.add(rap)
    return activities


def tools(fmt: str) -> dict[str, tuple[str, str]]:
    response = export_response(Activity.objects.all(), fmt, include_contacts=False, filename="m")
    return {
        row.get("#activity+name"): (
            row.get("#item+tool+used") or "",
            row.get("#item+tool+needed") or "",
        )
        for row in read_hxl(response)
    }


@pytest.mark.parametrize("fmt", ["hxl", "hxl-long"])
def test_it_lists_the_tools_used_and_needed(fmt):
    found = tools(fmt)
    assert found["Costing the floor"] == (
        "Core Diagnostic Instrument; Rapid Assessment Protocol",
        "",
    )
    assert found["Pension law"] == ("", "Rapid Assessment Protocol")
