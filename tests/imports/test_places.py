"""The import reads where an activity happens as partners write it: a list of countries
("Senegal; Mali", "Sénégal, Mali"), a region's name ("Africa", "Afrique") or "Global"
("Mondial", "Mundial") in the country column, places inside the countries by code or by
name (French, Spanish, local spellings, without accents), themes by name in three
languages; unknown or misplaced ones are errors naming the row and the column, and a file
with one wrong row changes nothing. The hub's own downloads come back unchanged."""

import pytest

from activities.exports import export_response
from activities.models import Activity, ActivityCountry, Scope
from countries.models import Region
from imports.models import ImportStatus
from tests.exports.matrix import body
from tests.factories import make_country
from tests.imports.helpers import csv_bytes, errors, preview, run
from tests.places_world import places_world

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HEADER = ["Title", "Type", "Lead agency", "Country", "Subdivisions", "Themes"]


@pytest.fixture
def world(db):
    found = places_world()
    make_country("MX", Region.AMERICAS)
    return found


def where(title: str) -> tuple:
    activity = Activity.objects.get(title=title)
    return (
        activity.scope,
        activity.region,
        activity.country.alpha3 if activity.country_id else "",
        sorted(c.alpha3 for c in activity.countries.all()),
        sorted(s.code for s in activity.subdivisions.all()),
        sorted(t.code for t in activity.themes.all()),
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods", "hxl", "hxl-long"])
def test_the_hub_s_own_download_comes_back_unchanged(secretariat, world, fmt):
    before = (Activity.history.count(), ActivityCountry.history.count())
    response = export_response(
        Activity.objects.all(), fmt, include_contacts=True, filename="matrix"
    )
    job = run(secretariat, body(response), f"matrix.{fmt}")
    assert job.mapping_source == "recognised"
    assert (job.status, job.new_count, job.changed_count, job.error_count) == (
        ImportStatus.PREVIEWED,
        0,
        0,
        0,
    ), errors(job)
    assert job.unchanged_count == 5
    assert (Activity.history.count(), ActivityCountry.history.count()) == before


def test_a_partner_s_file_says_where_in_its_own_words(secretariat, world):
    rows = [
        ["Exchange", "Study", "ILO", "Senegal; Mali", "Dakar; Bamako", "Financement; Genre"],
        ["Échange", "Study", "ILO", "Sénégal, Mali", "Thies", "Género"],
        ["Regional event", "Advocacy", "ILO", "Afrique", "", "Care"],
        ["Regional too", "Advocacy", "ILO", "Africa", "", ""],
        ["Worldwide", "Study", "ILO", "Mondial", "", "universal-health-coverage"],
        ["Worldwide too", "Study", "ILO", "Mundial", "", ""],
        [
            "Mexico pilot",
            "Pilot",
            "ILO",
            "Mexique",
            "Ville de Mexico; Ciudad de México; MX-YUC",
            "",
        ],
    ]
    job = run(secretariat, csv_bytes(rows, HEADER))
    assert job.status == ImportStatus.APPLIED, errors(job)
    assert where("Exchange") == (
        Scope.MULTI_COUNTRY, "", "", ["MLI", "SEN"], ["ML-BKO", "SN-DK"], ["financing", "gender"],
    )  # fmt: skip
    assert where("Échange")[:5] == (Scope.MULTI_COUNTRY, "", "", ["MLI", "SEN"], ["SN-TH"])
    assert where("Échange")[5] == ["gender"]
    assert where("Regional event") == (Scope.REGIONAL, "africa", "", [], [], ["care"])
    assert where("Regional too")[:2] == (Scope.REGIONAL, "africa")
    assert where("Worldwide") == (Scope.GLOBAL, "", "", [], [], ["universal-health-coverage"])
    assert where("Worldwide too")[:4] == (Scope.GLOBAL, "", "", [])
    assert where("Mexico pilot") == (
        Scope.COUNTRY, "", "MEX", ["MEX"], ["MX-CMX", "MX-YUC"], [],
    )  # fmt: skip


def test_a_scope_column_and_a_main_country_are_read(secretariat, world):
    header = ["Title", "Type", "Lead agency", "Scope", "Country code", "Main country", "Region"]
    rows = [
        ["Two", "Study", "ILO", "Plusieurs pays", "MLI; SEN", "MLI", ""],
        ["Listed region", "Study", "ILO", "Régional", "SEN; GHA", "", "Afrique"],
        ["Whole region", "Study", "ILO", "Regional", "", "", "Asia and the Pacific"],
        ["Region alone", "Study", "ILO", "", "", "", "Amériques"],
        ["Country with its region", "Study", "ILO", "", "SEN", "", "Africa"],
    ]
    job = run(secretariat, csv_bytes(rows, header))
    assert job.status == ImportStatus.APPLIED, errors(job)
    assert where("Two")[:4] == (Scope.MULTI_COUNTRY, "", "MLI", ["MLI", "SEN"])
    assert where("Listed region")[:4] == (Scope.REGIONAL, "africa", "", ["GHA", "SEN"])
    assert where("Whole region")[:4] == (Scope.REGIONAL, "asia-pacific", "", [])
    assert where("Region alone")[:4] == (Scope.REGIONAL, "americas", "", [])
    # The region column of a one-country row is its country's (for reading).
    assert where("Country with its region")[:4] == (Scope.COUNTRY, "", "SEN", ["SEN"])


def test_places_and_themes_changed_in_a_download_are_written_with_history(secretariat, world):
    response = export_response(
        Activity.objects.filter(pk=world.dakar.pk), "csv", include_contacts=True, filename="m"
    )
    text = body(response).decode("utf-8-sig")
    text = text.replace("SN-DK; SN-TH", "SN-KL").replace("Gender; Care", "Care; Financing")
    job = run(secretariat, text.encode("utf-8"))
    assert job.status == ImportStatus.APPLIED, errors(job)
    assert job.changed_count == 1
    assert where("Dakar pilot")[4:] == (["SN-KL"], ["care", "financing"])
    from activities.models import ActivitySubdivision

    history = ActivitySubdivision.history.filter(activity_id=world.dakar.pk)
    removed = {h.subdivision.code for h in history.filter(history_type="-")}
    assert removed == {"SN-DK", "SN-TH"}
    assert all(h.history_user_id == secretariat.pk for h in history.filter(history_type="-"))


@pytest.mark.parametrize(
    ("row", "column", "reason"),
    [
        (["Bad", "Study", "ILO", "Senegal", "Atlantis", ""], "Subdivisions", "Unknown place"),
        (["Bad", "Study", "ILO", "Senegal", "Bamako", ""], "Subdivisions", "MLI"),
        (["Bad", "Study", "ILO", "Senegal", "", "Astrology"], "Themes", "Unknown theme"),
        (["Bad", "Study", "ILO", "Narnia", "", ""], "Country", "Unknown country"),
        (["Bad", "Study", "ILO", "Africa; Asia and the Pacific", "", ""], "Country", "one region"),
        (["Bad", "Study", "ILO", "Global; Senegal", "", ""], "Country", "global"),
        (["Bad", "Study", "ILO", "Africa", "Dakar", ""], "Subdivisions", "does not cover"),
    ],
)
def test_bad_places_are_named_with_their_row_and_column(secretariat, world, row, column, reason):
    job = preview(secretariat, csv_bytes([row], HEADER))
    found = errors(job)
    assert len(found) == 1, found
    assert found[0].startswith(f"row 2, {column}:"), found
    assert reason.lower() in found[0].lower(), found


def test_a_multi_country_row_with_one_country_is_refused(secretariat, world):
    header = ["Title", "Type", "Lead agency", "Scope", "Country"]
    job = preview(
        secretariat, csv_bytes([["Alone", "Study", "ILO", "Several countries", "Senegal"]], header)
    )
    [message] = errors(job)
    assert message.startswith("row 2, Country:") and "at least two" in message


def test_a_file_with_one_wrong_place_changes_nothing(secretariat, world):
    count = Activity.objects.count()
    rows = [
        ["Good", "Study", "ILO", "Senegal; Mali", "Dakar", "Care"],
        ["Wrong", "Study", "ILO", "Senegal", "Kidal", ""],
    ]
    job = run(secretariat, csv_bytes(rows, HEADER))
    assert job.status == ImportStatus.PREVIEWED
    assert not job.can_apply
    assert Activity.objects.count() == count
    assert errors(job)[0].startswith("row 3, Subdivisions:")


def test_moving_an_activity_away_from_its_places_is_refused(secretariat, world):
    header = ["Reference", "Title", "Type", "Lead agency", "Country code"]
    rows = [[world.dakar.reference, "Dakar pilot", "Technical assistance", "ILO", "MLI"]]
    job = preview(secretariat, csv_bytes(rows, header))
    [message] = errors(job)
    assert "SN-DK" in message and "SN-TH" in message


def test_checking_places_costs_no_query_per_row(secretariat, world, django_assert_num_queries):
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from imports.checking import check_file
    from imports.compare import compare

    header = ["Reference", *HEADER]
    stored = [world.dakar, world.exchange, world.west_africa, world.everywhere]
    cells = {
        world.dakar.pk: ["Senegal", "Dakar; Kaolack", "Gender"],
        world.exchange.pk: ["Senegal; Mali; Ghana", "Bamako", "Care"],
        world.west_africa.pk: ["Afrique", "", ""],
        world.everywhere.pk: ["Mondial", "", "Financement"],
    }

    lead = {pk: "ILO" for pk in cells} | {world.west_africa.pk: "UNICEF"}

    def check(activities):
        data = csv_bytes(
            [[a.reference, a.title, "Study", lead[a.pk], *cells[a.pk]] for a in activities], header
        )
        user = User.objects.get(pk=secretariat.pk)
        checked = check_file(data)
        return compare(checked.rows, checked.lookup, user, checked.managed)

    with CaptureQueriesContext(connection) as small:
        check(stored[:1])
    with django_assert_num_queries(len(small)):
        result = check(stored)
    assert len(result.planned) == 4 and not result.errors


def test_a_member_changes_the_places_of_their_agency_s_rows_only(world):
    from tests.factories import make_member

    member = make_member(world.unicef)  # UNICEF leads the West Africa event, not the pilot
    header = ["Reference", "Title", "Type", "Lead agency", "Country"]
    theirs = [world.west_africa.reference, "West Africa event", "Advocacy", "UNICEF", "Mondial"]
    others = [world.dakar.reference, "Dakar pilot", "Technical assistance", "ILO", "Mali"]
    job = preview(member, csv_bytes([theirs, others], header))
    [message] = errors(job)
    assert message.startswith("row 3, Reference:") and "another agency" in message
    job = run(member, csv_bytes([theirs], header))
    assert job.status == ImportStatus.APPLIED, errors(job)
    assert where("West Africa event")[:4] == (Scope.GLOBAL, "", "", [])
    assert where("Dakar pilot")[:4] == (Scope.COUNTRY, "", "SEN", ["SEN"])
