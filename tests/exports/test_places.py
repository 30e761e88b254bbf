"""The downloads say where each activity happens: one row per activity, its scope, its
countries (the main one first), the region, the places inside the countries and the
themes as list columns; the HXL files tag them so that HXL tools filter by them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from activities.exports import export_response
from activities.models import Activity
from tests.exports.matrix import body, read_csv, read_hxl, read_ods, read_xlsx
from tests.places_world import places_world

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

READERS = {"csv": read_csv, "xlsx": read_xlsx, "ods": read_ods}


@pytest.fixture
def world(db):
    return places_world()


def download(fmt: str, queryset=None):
    queryset = queryset if queryset is not None else Activity.objects.order_by("title")
    return export_response(queryset, fmt, include_contacts=False, filename="m")


def by_title(rows, key="Title"):
    return {row[key]: row for row in rows}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_each_activity_is_one_row_with_its_places_as_lists(world, fmt):
    rows = READERS[fmt](download(fmt))
    assert len(rows) == 5
    found = by_title(rows)

    def cells(title):
        row = found[title]
        keys = ["Scope", "Country code", "Main country", "Country", "Region"]
        keys += ["Subdivision codes", "Subdivisions", "Themes"]
        return [row[key] or "" for key in keys]

    assert cells("Dakar pilot") == [
        "One country", "SEN", "SEN", "Senegal", "Africa", "SN-DK; SN-TH", "Dakar; Thiès",
        "Gender; Care",
    ]  # fmt: skip
    assert cells("Senegal-Mali exchange") == [
        "Several countries", "SEN; MLI", "SEN", "Senegal; Mali", "Africa", "ML-BKO; SN-DK",
        "Bamako; Dakar", "Financing",
    ]  # fmt: skip
    assert cells("West Africa event") == [
        "Regional", "GHA; SEN", "", "Ghana; Senegal", "Africa", "", "", "",
    ]  # fmt: skip
    assert cells("Africa forum")[:5] == ["Regional", "", "", "", "Africa"]
    assert cells("Global guide") == [
        "Global", "", "", "", "", "", "", "Universal health coverage",
    ]  # fmt: skip


def test_the_words_are_the_reader_s(world):
    with translation.override("fr"):
        found = by_title(read_csv(download("csv")), "Titre")
    assert found["Senegal-Mali exchange"]["Portée"] == "Plusieurs pays"
    assert found["Senegal-Mali exchange"]["Pays"] == "Sénégal; Mali"
    assert found["Global guide"]["Thèmes"] == "Couverture sanitaire universelle"


def test_the_hxl_wide_file_filters_by_theme_place_and_scope(world):
    data = read_hxl(download("hxl"))
    assert "#adm1+code" in data.display_tags and "#activity+theme" in data.display_tags
    gender = [row.get("#activity+name") for row in data.with_rows("#activity+theme~Gender")]
    assert gender == ["Dakar pilot"]
    data = read_hxl(download("hxl"))
    dakar = {row.get("#activity+name") for row in data.with_rows("#adm1+code~SN-DK")}
    assert dakar == {"Dakar pilot", "Senegal-Mali exchange"}
    data = read_hxl(download("hxl"))
    regional = {row.get("#activity+name") for row in data.with_rows("#activity+scope=Regional")}
    assert regional == {"West Africa event", "Africa forum"}
    data = read_hxl(download("hxl"))
    row = next(iter(data.with_rows("#activity+name=Senegal-Mali exchange")))
    assert row.get("#country+code") == "SEN; MLI"
    assert row.get("#country+code+main") == "SEN"


def test_the_hxl_long_file_has_a_row_per_country_and_agency(world):
    data = read_hxl(download("hxl-long"))
    rows = [
        (
            row.get("#activity+name"),
            row.get("#country+code") or "",
            row.get("#adm1+code") or "",
            row.get("#adm1+name") or "",
            row.get("#org+name") or "",
        )
        for row in data
    ]
    exchange = [row[1:] for row in rows if row[0] == "Senegal-Mali exchange"]
    assert exchange == [
        ("SEN", "SN-DK", "Dakar", "ILO"),
        ("SEN", "SN-DK", "Dakar", "UNICEF"),
        ("MLI", "ML-BKO", "Bamako", "ILO"),
        ("MLI", "ML-BKO", "Bamako", "UNICEF"),
    ]
    # A regional activity without agencies nor countries keeps its row; a global one too.
    assert [row[1:] for row in rows if row[0] == "Africa forum"] == [("", "", "", "")]
    assert [row[1:] for row in rows if row[0] == "Global guide"] == [("", "", "", "ILO")]
    # HXL tools filter the long file by place: Bamako is Mali's row only.
    data = read_hxl(download("hxl-long"))
    bamako = [(row.get("#activity+name"), row.get("#country+code")) for row in data.with_rows(
        "#adm1+name=Bamako"
    )]  # fmt: skip
    assert set(bamako) == {("Senegal-Mali exchange", "MLI")}


def test_a_formula_in_a_place_s_name_stays_text(world):
    # Text starting with = + - @ is guarded in the CSV for spreadsheets (core.spreadsheets).
    world.dakar.title = "=1+1"
    world.dakar.save()
    rows = read_csv(download("csv"))
    assert "'=1+1" in {row["Title"] for row in rows}


@pytest.mark.parametrize("fmt", ["csv", "hxl-long"])
def test_places_cost_no_query_per_row(world, fmt, django_assert_num_queries):
    few = Activity.objects.filter(pk=world.dakar.pk)
    with CaptureQueriesContext(connection) as small:
        body(download(fmt, few))
    with django_assert_num_queries(len(small)):
        body(download(fmt))


def test_a_past_download_gives_the_places_of_that_moment(world):
    from django.utils import timezone

    from activities.as_of import past_activities
    from activities.exports import PastActivityTable
    from activities.models import Scope
    from activities.places import set_places, set_themes

    before = timezone.now()
    set_places(world.exchange, scope=Scope.COUNTRY, region="", main=world.ml, countries=[])
    set_themes(world.exchange, [])
    rows = past_activities(before).filter(id=world.exchange.pk)
    table = list(PastActivityTable(rows, before, include_contacts=False).iter_table())
    row = dict(zip(table[0], table[1], strict=True))
    assert (row["Scope"], row["Country code"], row["Subdivision codes"], row["Themes"]) == (
        "Several countries",
        "SEN; MLI",
        "ML-BKO; SN-DK",
        "Financing",
    )
    now = by_title(read_csv(download("csv")))["Senegal-Mali exchange"]
    assert (now["Scope"], now["Country code"], now["Subdivision codes"], now["Themes"]) == (
        "One country",
        "MLI",
        "",
        "",
    )
