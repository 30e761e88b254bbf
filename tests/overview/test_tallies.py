"""The matrix's tallies (kept by PostgreSQL triggers) give the same answers as counting the
activities, whatever wrote them: the ORM, bulk writes, plain SQL, an import, a restore from
history, deletes, and the front page and the whole map read them."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import ExtractYear
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from activities import tallies
from activities.models import (
    Activity,
    ActivityAgency,
    ActivityCountry,
    ActivityStatus,
    Role,
    Scope,
)
from activities.places import set_places
from activities.services import close_activity, delete_activity
from activities.versions import restore_version
from agencies.models import Agency
from countries.models import Country, Region
from overview.figures import front_figures
from overview.worldmap import build_map, matrix_map
from tests.factories import make_activity, make_agency, make_country
from tests.imports.helpers import csv_bytes, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

YEARS = [2010, 2012, 2014]


def counted() -> dict[str, object]:
    """Every tally answer, counted from the activities as the pages did before the tallies
    (by place: activities.models.ActivityQuerySet's own_in, shared_with, covering)."""
    named = Country.objects.filter(
        Exists(Activity.objects.filter(scope=Scope.COUNTRY, country=OuterRef("pk")))
        | Exists(
            ActivityCountry.objects.filter(country=OuterRef("pk")).exclude(
                activity__scope=Scope.COUNTRY
            )
        )
    )
    split = {
        country.pk: (
            Activity.objects.own_in(country).count(),
            Activity.objects.shared_with(country).count(),
        )
        for country in Country.objects.all()
    }
    return {
        "countries": named.count(),
        "agencies": Agency.objects.filter(
            Exists(ActivityAgency.objects.filter(agency=OuterRef("pk")))
        ).count(),
        "running": {year: Activity.objects.in_year(year).count() for year in YEARS},
        "per_country": {
            country.pk: n
            for country in Country.objects.all()
            if (n := Activity.objects.covering(country).count())
        },
        "split": {pk: pair for pk, pair in split.items() if pair != (0, 0)},
        "years": sorted(
            Activity.objects.order_by()
            .annotate(started=ExtractYear("start_date"), ending=ExtractYear("end_date"))
            .values_list("started", "ending")
            .annotate(n=Count("pk")),
            key=str,
        ),
        "places": {
            (scope, region): (n, unlisted)
            for scope, region, n, unlisted in Activity.objects.order_by()
            .values_list("scope", "region")
            .annotate(
                n=Count("pk"),
                unlisted=Count(
                    "pk",
                    filter=Q(scope__in=[Scope.REGIONAL, Scope.GLOBAL])
                    & ~Q(Exists(ActivityCountry.objects.filter(activity=OuterRef("pk")))),
                ),
            )
        },
        "regions": {
            region: n
            for region in {*Region.values, *Country.objects.values_list("region", flat=True)}
            if (n := Activity.objects.in_region(region).count())
        },
        "kinds": sorted(
            tuple(row)
            for row in Activity.objects.order_by()
            .values_list("scope", "activity_type", "status")
            .annotate(
                n=Count("pk"),
                health=Count("pk", filter=Q(covers_health=True)),
                children=Count("pk", filter=Q(covers_children=True)),
                working_age=Count("pk", filter=Q(covers_working_age=True)),
                older=Count("pk", filter=Q(covers_older_persons=True)),
            )
        ),
        # Agencies by the main countries of their activities (none: one group) and leads.
        "agency_countries": sorted(
            (
                agency.acronym,
                ActivityAgency.objects.filter(agency=agency)
                .values("activity__country_id")
                .distinct()
                .count(),
                Activity.objects.filter(
                    participations__agency=agency, participations__role=Role.LEAD
                ).count(),
            )
            for agency in Agency.objects.filter(
                Exists(ActivityAgency.objects.filter(agency=OuterRef("pk")))
            )
        ),
        "leads": {
            (country, agency): n
            for country, agency, n in ActivityAgency.objects.filter(
                role=Role.LEAD, activity__country__isnull=False
            )
            .order_by()
            .values_list("activity__country_id", "agency_id")
            .annotate(n=Count("pk"))
        },
    }


def tallied() -> dict[str, object]:
    assert tallies.kept()
    return {
        "countries": tallies.countries_with_activities(),
        "agencies": tallies.agencies_taking_part(),
        "running": {year: tallies.running_in(year) for year in YEARS},
        "per_country": dict(tallies.country_counts()),
        "split": tallies.country_split(),
        "years": sorted(tallies.year_counts(), key=str),
        "places": tallies.place_counts(),
        "regions": tallies.region_counts(),
        "kinds": sorted(tallies.kind_counts()),
        "agency_countries": sorted(tallies.agency_country_counts()),
        "leads": {(country, agency): n for country, agency, n in tallies.lead_counts()},
    }


def assert_same() -> None:
    assert tallied() == counted()


@pytest.fixture
def world():
    vn = make_country("VN", Region.ASIA_PACIFIC)
    sn = make_country("SN", Region.AFRICA)
    ilo, unicef, who = make_agency("ILO"), make_agency("UNICEF"), make_agency("WHO")
    return vn, sn, ilo, unicef, who


def test_edits_closes_moves_and_deletes_keep_the_counts(world, secretariat):
    vn, sn, ilo, unicef, who = world
    a = make_activity(vn, {ilo: Role.LEAD, unicef: Role.PARTNER})
    b = make_activity(sn, {unicef: Role.LEAD}, start_date=None, end_date=None)
    c = make_activity(vn, {who: Role.FUNDER}, start_date=datetime.date(2009, 5, 1))
    assert_same()

    # An edit of the dates, a move to another country, a change of lead.
    a.end_date = datetime.date(2012, 6, 30)
    a.save()
    a.country = sn
    a.save()
    assert_same()
    ActivityAgency.objects.filter(activity=a, agency=ilo).update(role=Role.PARTNER)
    ActivityAgency.objects.filter(activity=a, agency=unicef).update(role=Role.LEAD)
    assert_same()

    close_activity(secretariat, c, c.version, end_date=datetime.date(2010, 12, 31))
    assert_same()
    b.start_date = datetime.date(2014, 1, 1)
    b.save()
    assert_same()

    delete_activity(a, a.version)
    ActivityAgency.objects.filter(agency=who).delete()
    assert_same()
    Activity.objects.all().delete()
    assert_same()
    assert tallied()["countries"] == 0


def test_bulk_writes_and_plain_sql_are_counted(world):
    vn, sn, ilo, unicef, _who = world
    made = Activity.objects.bulk_create(
        Activity(country=country, title=f"Bulk {n}", activity_type="advocacy", start_date=day)
        for n, (country, day) in enumerate(
            [(vn, datetime.date(2012, 1, 1)), (sn, None), (sn, datetime.date(2014, 3, 1))] * 5
        )
    )
    ActivityAgency.objects.bulk_create(
        ActivityAgency(activity=activity, agency=ilo if n % 2 else unicef, role=Role.LEAD)
        for n, activity in enumerate(made)
    )
    assert_same()
    Activity.objects.filter(country=sn).update(country=vn, end_date=datetime.date(2015, 1, 1))
    assert_same()
    # An update changing no column a count reads (the counts skip it), then one that does.
    Activity.objects.update(title="Renamed")
    assert_same()
    Activity.objects.filter(pk__in=[made[3].pk, made[4].pk]).update(
        status=ActivityStatus.COMPLETED, covers_children=True
    )
    ActivityAgency.objects.filter(activity=made[5]).update(role=Role.PARTNER)
    assert_same()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE activities_activity SET start_date = NULL WHERE id = %s", [made[0].pk]
        )
        cursor.execute("DELETE FROM activities_activityagency WHERE activity_id = %s", [made[1].pk])
    assert_same()
    # The activity deleted before its participations (deferred keys allow it): still right.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute("DELETE FROM activities_activity WHERE id = %s", [made[2].pk])
        assert_same()
        cursor.execute("DELETE FROM activities_activityagency WHERE activity_id = %s", [made[2].pk])
    assert_same()


def test_an_import_and_a_restore_from_history_are_counted(world, secretariat):
    vn, sn, ilo, _unicef, _who = world
    job = run(
        secretariat,
        csv_bytes(
            [
                ["", "VN", "Costing study", "study", "ongoing", "ILO", "UNICEF"],
                ["", "SN", "Social pension pilot", "pilot", "planned", "UNICEF", ""],
            ]
        ),
    )
    assert job.error_count == 0, job.status
    assert Activity.objects.count() == 2
    assert_same()

    activity = Activity.objects.get(title="Costing study")
    first = activity.history.earliest("history_date")
    activity.country = sn
    activity.status = ActivityStatus.COMPLETED
    activity.save()
    ActivityAgency.objects.filter(activity=activity, agency=ilo).delete()
    assert_same()
    restore_version(activity, first.history_id, secretariat)
    activity.refresh_from_db()
    assert activity.country == vn
    assert_same()


def test_places_count_as_own_or_shared(world, secretariat):
    vn, sn, ilo, unicef, _who = world
    ml = make_country("ML", Region.AFRICA)
    pair = make_activity(sn, {ilo: Role.LEAD})
    set_places(pair, scope=Scope.MULTI_COUNTRY, region="", main=sn, countries=[ml])
    west = make_activity(sn, {unicef: Role.LEAD})
    set_places(west, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[ml])
    africa = make_activity(vn, {ilo: Role.LEAD})
    set_places(africa, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[])
    world_wide = make_activity(vn, {ilo: Role.PARTNER}, start_date=None, end_date=None)
    set_places(world_wide, scope=Scope.GLOBAL, region="", main=None, countries=[])
    own = make_activity(sn, {ilo: Role.LEAD})
    assert_same()
    split = tallies.country_split()
    # Senegal: its own row; shared: the pair, Africa's whole-region event, the world's.
    assert split[sn.pk] == (1, 3)
    assert split[ml.pk] == (0, 4)  # the pair, West Africa listing it, Africa, the world
    assert split[vn.pk] == (0, 1)
    assert dict(tallies.country_counts())[ml.pk] == 4
    assert tallies.running_in(2012) == Activity.objects.in_year(2012).count()

    # Back to one country, a region listed again, deleted: still the count.
    set_places(pair, scope=Scope.COUNTRY, region="", main=ml, countries=[])
    set_places(africa, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[sn])
    assert_same()
    delete_activity(west, west.version)
    world_wide.delete()
    own.delete()
    assert_same()
    tallies.recount()
    assert_same()


def test_links_written_alone_in_any_order_and_by_plain_sql_keep_the_places(world):
    """Whether a regional or global activity lists a country depends on its other links: a
    link added to one listing none, the last one removed, both orders of an activity and its
    links inside a transaction, a truncate."""
    vn, sn, *_agencies = world
    event = make_activity(sn)
    set_places(event, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[])
    campaign = make_activity(vn)
    set_places(campaign, scope=Scope.GLOBAL, region="", main=None, countries=[])
    assert tallies.place_counts()[(Scope.REGIONAL, Region.AFRICA)] == (1, 1)
    ActivityCountry.objects.create(activity=event, country=sn)
    ActivityCountry.objects.create(activity=event, country=vn)
    assert_same()
    assert tallies.place_counts()[(Scope.REGIONAL, Region.AFRICA)] == (1, 0)
    ActivityCountry.objects.filter(activity=event, country=sn).delete()
    assert_same()
    ActivityCountry.objects.filter(activity=event).delete()
    assert_same()
    assert tallies.place_counts()[(Scope.REGIONAL, Region.AFRICA)] == (1, 1)
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        # A link before its activity, then the activity; the activity deleted before it.
        cursor.execute(
            "INSERT INTO activities_activitycountry (activity_id, country_id) VALUES (-7, %s)",
            [vn.pk],
        )
        cursor.execute(
            "INSERT INTO activities_activity (id, reference, title, description, "
            "activity_type, status, covers_health, covers_children, covers_working_age, "
            "covers_older_persons, funding, created_at, updated_at, version, region, scope) "
            "SELECT -7, 'SPF-NEG7', title, description, activity_type, status, covers_health, "
            "covers_children, covers_working_age, covers_older_persons, funding, created_at, "
            "updated_at, 1, 'asia-pacific', 'regional' FROM activities_activity WHERE id = %s",
            [event.pk],
        )
        assert_same()
        cursor.execute("DELETE FROM activities_activity WHERE id = -7")
        assert_same()
        cursor.execute("DELETE FROM activities_activitycountry WHERE activity_id = -7")
        assert_same()
        # Moved between links: one statement removing and adding.
        cursor.execute(
            "UPDATE activities_activitycountry SET activity_id = %s WHERE activity_id = %s",
            [campaign.pk, event.pk],
        )
    assert_same()
    ActivityCountry.objects.create(activity=event, country=sn)
    # A country moved to another region moves its activities.
    vn.region = Region.AFRICA
    vn.save()
    assert_same()
    Country.objects.filter(pk=vn.pk).update(region=Region.ASIA_PACIFIC)
    assert_same()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the link's key checked: no pending
        cursor.execute("TRUNCATE activities_activitycountry")
    assert_same()
    assert tallies.place_counts()[(Scope.REGIONAL, Region.AFRICA)] == (1, 1)


def test_the_whole_map_names_the_same_leads_as_a_count_beyond_the_first_five(world):
    """The map ranks each country's leads in the database (tallies.first_leads), ties with
    the fifth included: the same names, and the same number of others, as from every lead."""
    vn, sn, *_agencies = world
    agencies = [make_agency(f"AG{n}") for n in range(8)]
    # Two activities each for AG0-AG2, one each for AG3-AG7: AG3-AG7 tie for the 4th place.
    for n, agency in enumerate(agencies):
        for _time in range(2 if n < 3 else 1):
            make_activity(vn, {agency: Role.LEAD})
    make_activity(sn, {agencies[0]: Role.LEAD})
    rows, leading = tallies.first_leads(5)
    assert leading == {vn.pk: 8, sn.pk: 1}
    assert sum(1 for row in rows if row[0] == vn.pk) == 8  # AG3-AG7 all tie for the 4th
    from_tallies, from_rows = matrix_map(), build_map(Activity.objects.all())
    assert [(c.code, c.leads, c.leads_more, c.summary) for c in from_tallies.countries] == [
        (c.code, c.leads, c.leads_more, c.summary) for c in from_rows.countries
    ]
    vn_leads = next(c for c in from_tallies.countries if c.code == "VN")
    assert vn_leads.leads == ["AG0", "AG1", "AG2", "AG3", "AG4"]
    assert vn_leads.leads_more == 3


def test_a_recount_gives_the_same_counts(world):
    vn, sn, ilo, unicef, _who = world
    make_activity(vn, {ilo: Role.LEAD})
    make_activity(sn, {unicef: Role.LEAD, ilo: Role.PARTNER}, end_date=datetime.date(2013, 1, 1))
    before = tallied()
    tallies.recount()
    assert tallied() == before == counted()


def test_the_front_page_and_the_whole_map_read_the_same_as_a_count(world):
    vn, sn, ilo, unicef, who = world
    make_activity(vn, {ilo: Role.LEAD, who: Role.PARTNER})
    make_activity(vn, {unicef: Role.LEAD})
    make_activity(sn, {ilo: Role.LEAD}, start_date=None, end_date=datetime.date(2030, 1, 1))
    today = datetime.date.today()
    figures = front_figures(today)
    assert (figures.countries, figures.agencies, figures.running) == (
        2,
        3,
        Activity.objects.in_year(today.year).count(),
    )
    from_tallies, from_rows = matrix_map(), build_map(Activity.objects.all())
    assert [(c.code, c.count, c.leads, c.summary) for c in from_tallies.countries] == [
        (c.code, c.count, c.leads, c.summary) for c in from_rows.countries
    ]
    assert from_tallies.total == from_rows.total == 3


operation = st.tuples(
    st.sampled_from(["create", "move", "dates", "lead", "drop_agency", "delete", "places", "kind"]),
    st.integers(0, 50),
    st.integers(0, 50),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(operation, min_size=1, max_size=12))
def test_any_sequence_of_writes_keeps_the_counts(world, steps):
    countries, agencies = list(world[:2]), list(world[2:])
    for kind, x, y in steps:
        activities = list(Activity.objects.order_by("pk"))
        target = activities[x % len(activities)] if activities else None
        if kind == "create" or target is None:
            start = [None, datetime.date(2011, 1, 1), datetime.date(2012, 7, 1)][x % 3]
            end = [None, datetime.date(2012, 12, 31), datetime.date(2014, 1, 1)][y % 3]
            roles = {agencies[y % 3]: Role.LEAD, agencies[(y + 1) % 3]: Role.PARTNER}
            make_activity(countries[x % 2], roles if x % 4 else {}, start_date=start, end_date=end)
        elif kind == "move" and target.scope in (Scope.COUNTRY, Scope.MULTI_COUNTRY):
            target.country = countries[y % 2]
            target.save()
        elif kind == "places":
            # One country, both, a region (listed or whole), the world (issue 20).
            place = [
                (Scope.COUNTRY, "", countries[x % 2], []),
                (Scope.MULTI_COUNTRY, "", None, countries),
                (Scope.REGIONAL, Region.AFRICA, None, countries[1:] if x % 2 else []),
                (Scope.GLOBAL, "", None, []),
            ][y % 4]
            set_places(target, scope=place[0], region=place[1], main=place[2], countries=place[3])
        elif kind == "move":
            continue
        elif kind == "dates":
            target.start_date = [None, datetime.date(2010, 2, 2)][y % 2]
            target.end_date = [None, datetime.date(2014, 2, 2)][x % 2]
            target.save()
        elif kind == "lead":
            ActivityAgency.objects.filter(activity=target, role=Role.LEAD).delete()
            ActivityAgency.objects.update_or_create(
                activity=target, agency=agencies[y % 3], defaults={"role": Role.LEAD}
            )
        elif kind == "kind":
            target.status = ActivityStatus.values[y % 4]
            target.covers_health = bool(x % 2)
            target.covers_older_persons = bool(y % 2)
            target.save()
        elif kind == "drop_agency":
            ActivityAgency.objects.filter(activity=target, agency=agencies[y % 3]).delete()
        else:
            target.delete()
        assert_same()
    Activity.objects.all().delete()  # hypothesis reuses the database between examples
