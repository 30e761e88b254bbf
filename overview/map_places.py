"""The map's activities beyond one country (issue 20): how many multi-country and regional
activities each country shares, a panel per region with its regional activities, and the
global ones, for the same filters as the map.

A country's count on the map is its own activities (in it alone) plus those it shares: the
multi-country and regional activities that name it, and the regional ones covering its
whole region (a regional activity naming no country). Global activities are not added to
every country: they are listed once, under the map, and counted on its legend.

Three or four queries whatever the number of activities (activities per scope and region,
links per country, the few listed in the panels and the countries they name). For the whole
matrix (the front page, the unfiltered map) the counts come from the tallies kept on every
write (activities.tallies.place_counts) and the listed few from an index on the scope,
region and title: nothing read grows with the matrix.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from activities import tallies
from activities.models import Activity, ActivityCountry, Scope
from countries.models import Region

# Activities named in a region's panel or the global list; the rest are in the matrix.
LISTED = 5
# The scopes whose activities a country shares (global ones are listed apart).
SHARED_SCOPES = (Scope.MULTI_COUNTRY, Scope.REGIONAL)
BEYOND_SCOPES = (*SHARED_SCOPES, Scope.GLOBAL)


@dataclass(frozen=True)
class ListedActivity:
    title: str
    reference: str
    url: str  # the matrix, searching for its reference
    where: str  # the countries it names, "" for a whole region or the world


@dataclass
class PlacePanel:
    """A region's regional activities, or the global ones (key "global")."""

    key: str  # a region's value, or "global"
    label: str
    count: int
    url: str  # the matrix with the map's filters, on this region's (or global) activities
    activities: list[ListedActivity] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.activities)

    @property
    def anchor(self) -> str:
        return f"map-places-{self.key}"


@dataclass
class BeyondOneCountry:
    regions: list[PlacePanel]  # regions with regional activities, in the regions' order
    global_panel: PlacePanel
    multi_country: int  # activities of several countries (counted in each of them)
    whole_region: dict[str, int]  # region -> its regional activities naming no country

    @property
    def total(self) -> int:
        return (
            sum(panel.count for panel in self.regions)
            + self.global_panel.count
            + (self.multi_country)
        )


def listed_counts(activities: QuerySet[Activity]) -> dict[int, int]:
    """Country id -> the multi-country and regional activities among `activities` that list
    it (its main country's included), as activities.tallies.own_and_listed counts them for
    the whole matrix. One query, from the activities' side: the few beyond one country are
    found by their scope's index, then their links by the activity's."""
    return dict(
        activities.filter(scope__in=SHARED_SCOPES, coverage__isnull=False)
        .values_list("coverage__country_id")
        .annotate(n=Count("pk"))
        .order_by()
    )


def shared_counts(
    listed: Mapping[int, int], regions: Mapping[int, str], whole_region: Mapping[str, int]
) -> dict[int, int]:
    """Country id -> the activities it shares: those that list it (`listed`), and the
    regional ones naming no country in its region (`whole_region`, counted by
    beyond_one_country). `regions` is every country's region by id (the map has read
    them)."""
    counts = {pk: n for pk, n in listed.items() if n}
    if any(whole_region.values()):
        for country_id, region in regions.items():
            if whole_region.get(region):
                counts[country_id] = counts.get(country_id, 0) + whole_region[region]
    return counts


def counted(activities: QuerySet[Activity]) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """({(scope, region): activities} beyond one country, {region: its regional activities
    naming no country}) among `activities`. One grouped query."""
    named = ActivityCountry.objects.filter(activity=OuterRef("pk"))
    grouped = (
        activities.filter(scope__in=BEYOND_SCOPES)
        .values_list("scope", "region")
        .annotate(
            n=Count("pk"),
            whole=Count("pk", filter=Q(scope=Scope.REGIONAL) & ~Q(Exists(named))),
        )
        .order_by()
    )
    counts, whole_region = {}, {}
    for scope, region, n, whole in grouped:
        counts[(scope, region)] = n
        if whole:
            whole_region[region] = whole
    return counts, whole_region


def tallied() -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """As counted(), for the whole matrix: from its tallies."""
    counts, whole_region = {}, {}
    for (scope, region), (n, unlisted) in tallies.place_counts().items():
        if scope in BEYOND_SCOPES:
            counts[(scope, region)] = n
            if scope == Scope.REGIONAL and unlisted:
                whole_region[region] = unlisted
    return counts, whole_region


def first_listed(activities: QuerySet[Activity]) -> list[tuple]:
    """(pk, scope, region, title, reference) of the first LISTED regional activities of each
    region and global ones among `activities`, by title."""
    return list(
        activities.filter(scope__in=(Scope.REGIONAL, Scope.GLOBAL))
        .annotate(
            rank=Window(
                RowNumber(), partition_by=[F("scope"), F("region")], order_by=[F("title"), F("pk")]
            )
        )
        .filter(rank__lte=LISTED)
        .values_list("pk", "scope", "region", "title", "reference")
        .order_by("title", "pk")
    )


def first_listed_of_all(counts: Mapping[tuple[str, str], int]) -> list[tuple]:
    """As first_listed() for every activity, one LIMIT per panel with any (`counts`), each
    read in order from the index on scope, region and title (activity_beyond_title_idx)."""
    parts = [
        Activity.objects.filter(scope=scope, region=region)
        .values_list("pk", "scope", "region", "title", "reference")
        .order_by("title", "pk")[:LISTED]
        for (scope, region), n in sorted(counts.items())
        if n and scope in (Scope.REGIONAL, Scope.GLOBAL)
    ]
    if len(parts) < 2:
        # One panel is its own answer: a union of one is the sliced query itself, which
        # cannot be ordered again.
        return [row for part in parts for row in part]
    return list(parts[0].union(*parts[1:], all=True).order_by("title", "pk"))


def beyond_one_country(
    activities: QuerySet[Activity] | None, prefix: str, names: Mapping[int, str]
) -> BeyondOneCountry:
    """The panels under the map for `activities` (already filtered; None: the whole matrix,
    from its tallies); `prefix` is the map's filters as a query string ending in "&" (or
    ""), kept in the panels' links to the matrix; `names` every country's name by id."""
    if activities is None:
        counts, whole_region = tallied()
        listed = first_listed_of_all(counts)
    else:
        activities = activities.order_by()
        counts, whole_region = counted(activities)
        listed = first_listed(activities)
    where: dict[int, list[str]] = {}
    if listed:
        links = ActivityCountry.objects.filter(
            activity_id__in=[row[0] for row in listed]
        ).values_list("activity_id", "country_id")
        for activity_id, country_id in links:
            where.setdefault(activity_id, []).append(names.get(country_id, ""))
    matrix_url = reverse("activities:matrix")

    def panel(key: str, label: str, count: int, params: dict[str, str]) -> PlacePanel:
        return PlacePanel(key, label, count, f"{matrix_url}?{prefix}{urlencode(params)}")

    regions = []
    for value, label in Region.choices:
        count = counts.get((Scope.REGIONAL, value), 0)
        if count:
            regions.append(
                panel(value, str(label), count, {"scope": Scope.REGIONAL, "region": value})
            )
    global_panel = panel(
        "global",
        str(Scope.GLOBAL.label),
        counts.get((Scope.GLOBAL, ""), 0),
        {"scope": Scope.GLOBAL},
    )
    by_key = {panel.key: panel for panel in regions} | {"global": global_panel}
    for pk, scope, region, title, reference in listed:
        found = by_key.get("global" if scope == Scope.GLOBAL else region)
        if found is None:
            continue
        found.activities.append(
            ListedActivity(
                title=title,
                reference=reference,
                url=f"{matrix_url}?{urlencode({'q': reference})}",
                where=", ".join(sorted(where.get(pk, []))),
            )
        )
    multi = sum(n for (scope, _region), n in counts.items() if scope == Scope.MULTI_COUNTRY)
    return BeyondOneCountry(regions, global_panel, multi, whole_region)
