"""Every agency keeps its role, and every imported change says who made it."""

import pytest

from activities.models import Activity, ActivityAgency, Role
from tests.factories import make_activity, make_agency, make_country
from tests.imports.helpers import csv_bytes, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HEADER = [
    "Reference",
    "Country code",
    "Title",
    "Type",
    "Lead agency",
    "Co-lead agencies",
    "Partner agencies",
    "Funding agencies",
]


@pytest.fixture
def agencies(db):
    make_country("VN")
    return {a: make_agency(a) for a in ["ILO", "UNICEF", "WHO", "UNDP", "AFD", "FES"]}


def test_it_keeps_every_agency_in_its_role(agencies, secretariat):
    rows = [
        ["", "VNM", f"Row {i}", "Study", "ILO", "UNICEF", "WHO; UNDP", "AFD; FES"] for i in range(5)
    ]
    run(secretariat, csv_bytes(rows, header=HEADER))
    links = set(ActivityAgency.objects.values_list("activity__title", "agency__acronym", "role"))
    expected = {
        (f"Row {i}", acronym, role)
        for i in range(5)
        for acronym, role in [
            ("ILO", Role.LEAD),
            ("UNICEF", Role.CO_LEAD),
            ("WHO", Role.PARTNER),
            ("UNDP", Role.PARTNER),
            ("AFD", Role.FUNDER),
            ("FES", Role.FUNDER),
        ]
    }
    assert links == expected


def test_it_moves_the_lead_between_agencies(agencies, secretariat):
    activity = make_activity(agencies={agencies["ILO"]: Role.LEAD, agencies["WHO"]: Role.PARTNER})
    row = [activity.reference, "VNM", activity.title, "Technical assistance", "WHO", "", "ILO", ""]
    job = run(secretariat, csv_bytes([row], header=HEADER))
    assert job.updated_count == 1
    assert dict(activity.participations.values_list("agency__acronym", "role")) == {
        "WHO": Role.LEAD,
        "ILO": Role.PARTNER,
    }


def test_it_records_who_imported_each_change(agencies, secretariat):
    activity = make_activity(agencies={agencies["ILO"]: Role.LEAD})
    rows = [
        [activity.reference, "VNM", "Renamed", "Study", "ILO", "", "WHO", ""],
        ["", "VNM", "Brand new", "Study", "UNICEF", "", "", ""],
    ]
    run(secretariat, csv_bytes(rows, header=HEADER), "june-update.csv")
    records = Activity.history.filter(history_user=secretariat)
    assert sorted(records.values_list("title", "history_type", "history_change_reason")) == [
        ("Brand new", "+", "Imported from june-update.csv"),
        ("Renamed", "~", "Imported from june-update.csv"),
    ]
    links = ActivityAgency.history.filter(history_user=secretariat)
    # ILO stays the lead: its link is not touched (it was deleted and created again once).
    assert sorted(links.values_list("agency__acronym", "history_type")) == [
        ("UNICEF", "+"),
        ("WHO", "+"),
    ]


def test_it_records_a_role_change_as_a_change_of_that_link_only(agencies, secretariat):
    activity = make_activity(
        agencies={
            agencies["ILO"]: Role.LEAD,
            agencies["WHO"]: Role.PARTNER,
            agencies["AFD"]: "funder",
        }
    )
    row = [
        activity.reference,
        "VNM",
        activity.title,
        "Technical assistance",
        "WHO",
        "",
        "ILO",
        "AFD",
    ]
    run(secretariat, csv_bytes([row], header=HEADER))
    links = ActivityAgency.history.filter(history_user=secretariat)
    assert sorted(links.values_list("agency__acronym", "role", "history_type")) == [
        ("ILO", Role.PARTNER, "~"),
        ("WHO", Role.LEAD, "~"),
    ]


def test_it_bumps_the_version_of_a_changed_activity(agencies, secretariat):
    activity = make_activity(agencies={agencies["ILO"]: Role.LEAD})
    row = [activity.reference, "VNM", "Renamed", "Technical assistance", "ILO", "", "", ""]
    run(secretariat, csv_bytes([row], header=HEADER))
    activity_after = Activity.objects.get()
    assert (activity_after.title, activity_after.version) == ("Renamed", activity.version + 1)
