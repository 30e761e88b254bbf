"""The matrix's whole-coalition counts, read from the tallies the database keeps
(activities.tally_models, activities.tally_sql): a few hundred rows to read whatever the
number of activities, one query each.

Activities of several countries, of a region or of the world (issue 20) make a country's
count two numbers, `own` and `shared` (`country_split`, what the map shows):
- own: the country's one-country activities (Activity.objects.own_in(country));
- shared: the activities of several countries and the regional ones that list it, the
  regional ones of its whole region (no country listed) and the global ones
  (Activity.objects.shared_with(country)).
`country_counts` gives their sum (Activity.objects.covering(country)), for the countries
that some activity names (as its country or in its list) or whose region has a regional
activity, or all of them once a global one exists. The whole matrix's figures (running in a
year, by years) count each activity once, wherever it is.

The activities by scope and region, and the regional and global ones that list no country
(a whole region's, the world's), are tallied too (`place_counts`): the map's panels and
every country's shared count read them.

Elsewhere than on PostgreSQL (the SQLite of `make run`) no trigger keeps them, and the same
answers are counted from the activities themselves.
"""

from collections import defaultdict

from django.db import connection, transaction
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import ExtractYear, Rank

from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityAgency,
    ActivityCountry,
    Role,
    Scope,
)
from activities.tally_models import (
    NO_YEAR,
    AgencyCountryTally,
    AgencyTally,
    KindTally,
    LeadTally,
    OwnTally,
    PlaceTally,
    RegionTally,
    SharedTally,
    YearsTally,
)
from activities.tally_sql import rebuild
from countries.models import Country


def kept() -> bool:
    """Whether the database keeps the tallies (PostgreSQL, with migration 0012's triggers)."""
    return connection.vendor == "postgresql"


def place_counts() -> dict[tuple[str, str], tuple[int, int]]:
    """(scope, region) -> (activities, of which regional or global listing no country), for
    every scope and region with any (region "" but for a regional activity). One query."""
    if not kept():
        listed = ActivityCountry.objects.filter(activity=OuterRef("pk"))
        rows = (
            Activity.objects.order_by()
            .values_list("scope", "region")
            .annotate(
                n=Count("pk"),
                unlisted=Count(
                    "pk", filter=Q(scope__in=[Scope.REGIONAL, Scope.GLOBAL]) & ~Q(Exists(listed))
                ),
            )
        )
    else:
        rows = PlaceTally.objects.values_list("scope", "region", "activities", "unlisted")
    return {(scope, region): (n, unlisted) for scope, region, n, unlisted in rows if n}


def beyond_countries() -> tuple[dict[str, int], int]:
    """({region: its regional activities with no country listed}, global activities): the
    shared activities of every country of a region, or of all. One query."""
    regions: dict[str, int] = {}
    everywhere = 0
    for (scope, region), (_n, unlisted) in place_counts().items():
        if scope == Scope.GLOBAL:
            everywhere += unlisted
        elif scope == Scope.REGIONAL and unlisted:
            regions[region] = regions.get(region, 0) + unlisted
    return regions, everywhere


def own_and_listed() -> tuple[dict[int, int], dict[int, int]]:
    """(country id -> its one-country activities, country id -> the multi-country and
    regional activities that list it): the map's counts before the regional activities of
    whole regions (overview.map_places). Two queries."""
    return _own_and_listed()


def _own_and_listed() -> tuple[dict[int, int], dict[int, int]]:
    if not kept():
        own = dict(
            Activity.objects.filter(scope=Scope.COUNTRY, country__isnull=False)
            .order_by()
            .values_list("country_id")
            .annotate(n=Count("pk"))
        )
        listed = dict(
            ActivityCountry.objects.exclude(activity__scope=Scope.COUNTRY)
            .order_by()
            .values_list("country_id")
            .annotate(n=Count("pk"))
        )
        return own, listed
    own = dict(OwnTally.objects.filter(activities__gt=0).values_list("country", "activities"))
    listed = dict(SharedTally.objects.filter(activities__gt=0).values_list("country", "activities"))
    return own, listed


def _kept_split() -> tuple[dict[int, int], dict[int, int], dict[str, int], int]:
    """Own and listed counts by country, whole-region counts by region and the global count,
    in one query of three tallies."""

    def text(value: str) -> Value:
        return Value(value, output_field=CharField())

    own = OwnTally.objects.annotate(k=text("own"), r=text(""), n=F("activities")).values_list(
        "k", "country_id", "r", "n"
    )
    listed = SharedTally.objects.annotate(
        k=text("listed"), r=text(""), n=F("activities")
    ).values_list("k", "country_id", "r", "n")
    beyond = (
        PlaceTally.objects.filter(scope__in=[Scope.REGIONAL, Scope.GLOBAL], unlisted__gt=0)
        .annotate(k=F("scope"), c=Value(None, output_field=IntegerField()), n=F("unlisted"))
        .values_list("k", "c", "region", "n")
    )
    found: dict[str, dict] = {"own": {}, "listed": {}}
    regions: dict[str, int] = {}
    everywhere = 0
    for kind, country_id, region, n in own.union(listed, beyond, all=True):
        if not n:
            continue
        if kind == Scope.GLOBAL:
            everywhere += n
        elif kind == Scope.REGIONAL:
            regions[region] = regions.get(region, 0) + n
        else:
            found[kind][country_id] = found[kind].get(country_id, 0) + n
    return found["own"], found["listed"], regions, everywhere


def country_split() -> dict[int, tuple[int, int]]:
    """Country id -> (own, shared) activities, for every country with any (see the module).
    One query (two when some regional or global activity covers whole regions)."""
    if kept():
        own, listed, regions, everywhere = _kept_split()
    else:
        own, listed = _own_and_listed()
        regions, everywhere = beyond_countries()
    found: dict[int, tuple[int, int]] = {}
    if regions or everywhere:
        countries = Country.objects.order_by().values_list("pk", "region")
        if not everywhere:
            countries = countries.filter(region__in=list(regions))
        wide = {pk: regions.get(region, 0) + everywhere for pk, region in countries}
    else:
        wide = {}
    for pk in {*own, *listed, *wide}:
        split = (own.get(pk, 0), listed.get(pk, 0) + wide.get(pk, 0))
        if split != (0, 0):
            found[pk] = split
    return found


def country_counts() -> list[tuple[int, int]]:
    """(country id, activities happening there: own + shared) for every country with any."""
    return [(pk, own + shared) for pk, (own, shared) in country_split().items()]


def lead_counts() -> list[tuple[int, int, int]]:
    """(country id, agency id, activities it leads with that main country) where it leads
    any (rows without a main country are not a country's here)."""
    if not kept():
        rows = (
            ActivityAgency.objects.filter(role=Role.LEAD, activity__country__isnull=False)
            .order_by()
            .values_list("activity__country_id", "agency_id")
            .annotate(n=Count("pk"))
        )
        return list(rows)
    return list(
        LeadTally.objects.filter(activities__gt=0).values_list(
            "country_id", "agency_id", "activities"
        )
    )


def first_leads(shown: int) -> tuple[list[tuple[int, int, int]], dict[int, int]]:
    """The lead_counts rows of the `shown` agencies leading most activities in each country,
    those tied with the last of them too (the caller breaks ties by name), and country id ->
    how many agencies lead some there: what the map names, without reading every (country,
    agency) pair (ranked in the database). One query."""
    if not kept():
        by_country: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        for row in lead_counts():
            by_country[row[0]].append(row)
        rows = []
        for found in by_country.values():
            found.sort(key=lambda row: -row[2])
            last = found[min(shown, len(found)) - 1][2]
            rows.extend(row for row in found if row[2] >= last)
        return rows, {pk: len(found) for pk, found in by_country.items()}
    ranked = (
        LeadTally.objects.filter(activities__gt=0)
        .annotate(
            rank=Window(Rank(), partition_by=[F("country_id")], order_by=F("activities").desc()),
            leading=Window(Count("pk"), partition_by=[F("country_id")]),
        )
        .filter(rank__lte=shown)
        .values_list("country_id", "agency_id", "activities", "leading")
    )
    rows, leading = [], {}
    for country_id, agency_id, n, agencies in ranked:
        rows.append((country_id, agency_id, n))
        leading[country_id] = agencies
    return rows, leading


def countries_with_activities() -> int:
    """Countries that some activity names: its country, or one in its list. One query."""
    if not kept():
        own, listed = _own_and_listed()
        return len({pk for pk, n in own.items() if n} | {pk for pk, n in listed.items() if n})
    own = OwnTally.objects.filter(activities__gt=0).values_list("country_id")
    listed = SharedTally.objects.filter(activities__gt=0).values_list("country_id")
    return len(list(own.union(listed)))


def agencies_taking_part() -> int:
    if not kept():
        return ActivityAgency.objects.order_by().values("agency_id").distinct().count()
    return AgencyTally.objects.filter(activities__gt=0).count()


def running_in(year: int) -> int:
    """Activities running at some point in `year`: Activity.objects.in_year(year).count()."""
    if not kept():
        return Activity.objects.in_year(year).count()
    rows = YearsTally.objects.filter(
        Q(start_year__lte=year),  # a missing start (NO_YEAR) is before any year
        Q(end_year__gte=year) | Q(end_year=NO_YEAR),
    ).exclude(start_year=NO_YEAR, end_year=NO_YEAR)
    return rows.aggregate(n=Sum("activities"))["n"] or 0


def year_counts() -> list[tuple[int | None, int | None, int]]:
    """(start year, end year, activities), None for a missing date, over the whole matrix."""
    if not kept():
        rows = (
            Activity.objects.order_by()
            .annotate(started=ExtractYear("start_date"), ending=ExtractYear("end_date"))
            .values_list("started", "ending")
            .annotate(n=Count("pk"))
        )
        return list(rows)
    rows = YearsTally.objects.filter(activities__gt=0).values_list(
        "start_year", "end_year", "activities"
    )
    found: dict[tuple[int | None, int | None], int] = defaultdict(int)
    for start, end, n in rows:
        found[(start if start != NO_YEAR else None, end if end != NO_YEAR else None)] += n
    return [(start, end, n) for (start, end), n in found.items()]


def region_counts() -> dict[str, int]:
    """Activities per region, as the matrix's region filter finds them
    (Activity.objects.in_region): a region's regional activities and those in any of its
    countries, main or listed; an activity of several regions counts in each, a global one
    in none. One query."""
    if kept():
        rows = RegionTally.objects.filter(activities__gt=0).values_list("region", "activities")
        return dict(rows)
    # The (activity, region) pairs made distinct by a UNION, then counted.
    pairs = [
        Activity.objects.filter(scope=Scope.REGIONAL).values_list("pk", "region"),
        Activity.objects.filter(country__isnull=False).values_list("pk", "country__region"),
        ActivityCountry.objects.values_list("activity_id", "country__region"),
    ]
    union = pairs[0].order_by().union(*(part.order_by() for part in pairs[1:]))
    sql, params = union.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT places.region, COUNT(*) FROM ({sql}) places GROUP BY places.region", params
        )
        return dict(cursor.fetchall())


def kind_counts() -> list[tuple]:
    """(scope, type, status, activities, then of those how many cover each R202 guarantee in
    GUARANTEE_FIELDS's order) for every kind with any: the dashboard's charts of the
    matrix. One query, a row per kind (a few hundred at most)."""
    flags = list(GUARANTEE_FIELDS.values())
    if not kept():
        rows = (
            Activity.objects.order_by()
            .values_list("scope", "activity_type", "status")
            .annotate(
                n=Count("pk"),
                **{f"n_{flag}": Count("pk", filter=Q(**{flag: True})) for flag in flags},
            )
        )
        return [tuple(row) for row in rows]
    rows = KindTally.objects.filter(activities__gt=0).values_list(
        "scope", "activity_type", "status", "activities", *flags
    )
    return [tuple(row) for row in rows]


def agency_country_counts() -> list[tuple[str, int, int]]:
    """(agency acronym, main countries of the activities it takes part in, activities it
    leads) for every agency taking part in any; the activities without a main country count
    as one more country, a group of their own. One query."""
    if not kept():
        pairs = (
            ActivityAgency.objects.order_by()
            .values_list("agency__acronym", "activity__country_id")
            .annotate(leads=Count("pk", filter=Q(role=Role.LEAD)))
        )
        found: dict[str, list[int]] = {}
        for acronym, _country_id, leads in pairs:
            totals = found.setdefault(acronym, [0, 0])
            totals[0] += 1
            totals[1] += leads
        return [(acronym, countries, leads) for acronym, (countries, leads) in found.items()]
    rows = (
        AgencyCountryTally.objects.filter(participations__gt=0)
        .order_by()
        .values_list("agency__acronym")
        .annotate(countries=Count("pk"), leads=Sum("leads"))
    )
    return [(acronym, countries, int(leads)) for acronym, countries, leads in rows]


def recount() -> None:
    """Count everything again (after writing with the triggers disabled, or to check)."""
    if not kept():
        return
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in rebuild():
            cursor.execute(statement)
