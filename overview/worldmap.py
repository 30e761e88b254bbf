"""The world map of the matrix: how many activities each country has for the matrix's
filters (its own and those it shares with other countries), who leads them there, the
map's shading and legend, and the regional and global activities beside it.

Three queries whatever the number of activities (country codes, counts per country, lead
agencies per country), and overview.map_places's four for the activities beyond one
country, on top of the filter set's own two (whose agency acronyms it reuses); the shapes
come from overview.shapes, drawn once per process.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from django.db.models import Count, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext, ngettext

from activities import tallies
from activities.filters import country_names
from activities.models import Activity, Role, Scope
from agencies.models import Agency
from core.names import name_key
from countries.models import Country
from overview.map_places import (
    BeyondOneCountry,
    beyond_one_country,
    listed_counts,
    shared_counts,
)
from overview.shapes import World, world

# Shading steps of the legend (the palette in static/css/overview.css has as many).
STEPS = 5
# Lead agencies named in a country's hover text; the rest are counted ("and 4 more").
LEADS_SHOWN = 5
# Stands for a country code in the country page's URL, reversed once per map.
CODE_SLOT = "ZZ"
# Parameters of the current query that a country's matrix link does not keep.
DROPPED_PARAMS = ("country", "page", "sort", "format", "layer")


@dataclass(frozen=True)
class LegendStep:
    step: int  # 1 (lightest) to STEPS (darkest)
    low: int
    high: int

    @property
    def label(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}\N{EN DASH}{self.high}"


@dataclass
class CountryCount:
    code: str
    name: str
    count: int  # its own and those it shares
    url: str  # the country's page
    matrix_url: str  # the matrix with the same filters, on this country
    leads: list[str] = field(default_factory=list)  # the most active leads first
    leads_more: int = 0  # lead agencies not named (beyond LEADS_SHOWN)
    shared: int = 0  # of `count`, the multi-country and regional activities it shares
    step: int = 0
    on_map: bool = True
    leads_text: str = ""  # "ILO, UNICEF and 3 more"
    summary: str = ""  # what hovering or focusing the country says (see describe())

    @property
    def own(self) -> int:
        return self.count - self.shared

    @property
    def css_class(self) -> str:
        return f"map-country map-step-{self.step}"


def describe(country: CountryCount) -> None:
    """Put the country's lead agencies and its summary (count and leads) in words."""
    text = ngettext(
        "%(country)s: %(count)d activity", "%(country)s: %(count)d activities", country.count
    ) % {"country": country.name, "count": country.count}
    if country.shared:
        text += " " + ngettext(
            "(%(own)d its own, %(shared)d shared with other countries)",
            "(%(own)d its own, %(shared)d shared with other countries)",
            country.shared,
        ) % {"own": country.own, "shared": country.shared}
    if country.leads:
        leads = ", ".join(country.leads)
        if country.leads_more:
            leads += " " + ngettext(
                "and %(count)d more", "and %(count)d more", country.leads_more
            ) % {"count": country.leads_more}
        country.leads_text = leads
        named = len(country.leads) + country.leads_more
        text += ". " + ngettext("Lead: %(leads)s", "Leads: %(leads)s", named) % {"leads": leads}
    country.summary = text


@dataclass(frozen=True)
class MapShape:
    """A shape as drawn: its path, and the country's count if it has activities."""

    d: str
    code: str
    name: str
    country: CountryCount | None
    title: str  # the country's summary, or its name and "no activity"
    status: str = ""  # the country's status in the coalition's work (the status layer)
    result: Any = None  # what the results layer shows (overview.result_layer.ResultMark)

    @property
    def is_link(self) -> bool:
        return self.country is not None or self.result is not None


@dataclass
class WorldMap:
    view_box: str
    shapes: list[MapShape]
    countries: list[CountryCount]  # with activities, busiest first (the table)
    legend: list[LegendStep]
    total: int  # activities counted, each once
    beyond: BeyondOneCountry  # the regional and global panels

    @property
    def off_map(self) -> list[CountryCount]:
        """Countries with activities but too small to have a shape at this scale."""
        return [country for country in self.countries if not country.on_map]


def legend_steps(highest: int, steps: int = STEPS) -> list[LegendStep]:
    """Count ranges for the shading, growing geometrically up to the highest count (a few
    busy countries must not wash out the many with one or two activities). The highest
    range always takes the darkest step."""
    if highest <= 0:
        return []
    lows = sorted({1, *(math.ceil(highest ** (k / steps)) for k in range(1, steps))})
    lows = [low for low in lows if low <= highest]
    highs = [low - 1 for low in lows[1:]] + [highest]
    first = steps - len(lows) + 1
    return [
        LegendStep(first + index, low, high)
        for index, (low, high) in enumerate(zip(lows, highs, strict=True))
    ]


def step_of(count: int, legend: list[LegendStep]) -> int:
    for entry in legend:
        if entry.low <= count <= entry.high:
            return entry.step
    return 0


def lead_agencies(
    rows: Iterable[tuple[int, int, int]],
    acronyms: dict[int, str],
    leading: Mapping[int, int] | None = None,
) -> dict[int, tuple[list[str], int]]:
    """Country id -> (the LEADS_SHOWN agencies leading most of those activities there, how
    many other agencies lead some), from (country id, agency id, activities led) rows: every
    lead of each country, or (with `leading`, country id -> how many agencies lead there)
    those ranked first (activities.tallies.first_leads). Grouped on ids: the names are
    looked up in Python."""
    by_country: dict[int, list[tuple[int, str]]] = {}
    for country_id, agency_id, n in rows:
        by_country.setdefault(country_id, []).append((-n, acronyms.get(agency_id, "?")))
    leads = {}
    for country_id, ranked in by_country.items():
        ranked.sort(key=lambda item: (item[0], item[1].lower()))
        named = [acronym for _n, acronym in ranked[:LEADS_SHOWN]]
        agencies = leading[country_id] if leading is not None else len(ranked)
        leads[country_id] = (named, agencies - len(named))
    return leads


def lead_rows(activities: QuerySet[Activity]) -> QuerySet:
    """(country id, agency id, activities led) for these activities, by their main country
    (a regional or global activity has none)."""
    return (
        activities.filter(participations__role=Role.LEAD, country__isnull=False)
        .values_list("country_id", "participations__agency_id")
        .annotate(n=Count("pk"))
        .order_by()
    )


def matrix_map(
    params: QueryDict | None = None,
    *,
    acronyms: dict[int, str] | None = None,
    shapes: World | None = None,
    statuses: Mapping[str, Any] | None = None,
    results: Mapping[str, Any] | None = None,
) -> WorldMap:
    """The map of the whole matrix, from the tallies kept on every write (activities.tallies):
    what the front page and the unfiltered map show, at a cost that does not grow with the
    number of activities. `acronyms` as for build_map."""
    if acronyms is None:
        acronyms = dict(Agency.objects.values_list("id", "acronym"))
    own, listed = tallies.own_and_listed()
    first, leading = tallies.first_leads(LEADS_SHOWN)
    return draw_map(
        own,
        listed,
        lead_agencies(first, acronyms, leading),
        params,
        None,
        shapes=shapes,
        statuses=statuses,
        results=results,
    )


def build_map(
    activities: QuerySet[Activity],
    params: QueryDict | None = None,
    *,
    acronyms: dict[int, str] | None = None,
    shapes: World | None = None,
    statuses: Mapping[str, Any] | None = None,
    results: Mapping[str, Any] | None = None,
) -> WorldMap:
    """The map for these (already filtered) activities; `params`, the filters in the URL,
    are kept in each country's link to the matrix. `acronyms` (agency id -> acronym) saves
    a query when the caller has them already (the filter set does)."""
    activities = activities.order_by()
    if acronyms is None:
        acronyms = dict(Agency.objects.values_list("id", "acronym"))
    own = (
        activities.filter(scope=Scope.COUNTRY)
        .values_list("country_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    leads = lead_agencies(lead_rows(activities), acronyms)
    return draw_map(
        dict(own),
        listed_counts(activities),
        leads,
        params,
        activities,
        shapes=shapes,
        statuses=statuses,
        results=results,
    )


def draw_map(
    own: Mapping[int, int],
    listed: Mapping[int, int],
    leads: dict[int, tuple[list[str], int]],
    params: QueryDict | None,
    activities: QuerySet[Activity] | None,
    *,
    shapes: World | None = None,
    statuses: Mapping[str, Any] | None = None,
    results: Mapping[str, Any] | None = None,
) -> WorldMap:
    """The map from each country's own activities (country id -> one-country activities)
    and the multi-country and regional ones that list it (`listed`), its leads, and the
    regional and global panels of `activities` (those counted; None: the whole matrix, from
    its tallies), whose regional activities of a whole region each country of the region
    shares. `statuses` (country code -> a
    mark with `status` and `label`) is the layer of the coalition's countries
    (decisions.map_layer); `results` (code -> a mark with `label`) the results layer
    (overview.result_layer), when it is the one shown."""
    shapes = shapes or world()
    places = {
        pk: (code, region)
        for pk, code, region in Country.objects.values_list("id", "code", "region")
    }
    codes = {pk: code for pk, (code, _region) in places.items()}
    base = params.copy() if params is not None else QueryDict(mutable=True)
    for name in DROPPED_PARAMS:
        base.pop(name, None)
    prefix = base.urlencode() + "&" if base else ""
    matrix_url = reverse("activities:matrix")
    country_url = reverse("countries:detail", args=[CODE_SLOT])
    names = country_names()
    on_map = shapes.codes
    beyond = beyond_one_country(
        activities, prefix, {pk: names.get(code, code) for pk, code in codes.items()}
    )
    regions = {pk: region for pk, (_code, region) in places.items()}
    shared = shared_counts(listed, regions, beyond.whole_region)

    countries = []
    for country_id in {pk for pk, n in own.items() if n} | shared.keys():
        code = codes[country_id]
        named, more = leads.get(country_id, ([], 0))
        countries.append(
            CountryCount(
                code=code,
                name=names.get(code, code),
                count=own.get(country_id, 0) + shared.get(country_id, 0),
                shared=shared.get(country_id, 0),
                url=country_url.replace(CODE_SLOT, code),
                matrix_url=f"{matrix_url}?{prefix}country={quote(code)}",
                leads=named,
                leads_more=more,
                on_map=code in on_map,
            )
        )
    countries.sort(key=lambda country: (-country.count, name_key(country.name), country.code))
    legend = legend_steps(countries[0].count if countries else 0)
    for country in countries:
        country.step = step_of(country.count, legend)
        describe(country)

    by_code = {country.code: country for country in countries}
    no_activity = gettext("no activity")
    drawn = []
    for shape in shapes.shapes:
        name = names.get(shape.code, shape.name) if shape.code else shape.name
        country = by_code.get(shape.code)
        title = country.summary if country else f"{name}: {no_activity}"
        mark = (statuses or {}).get(shape.code)
        if mark is not None:
            title = f"{title} · {mark.label}"
        status = mark.status if mark else ""
        result = (results or {}).get(shape.code)
        if result is not None and result.label:
            title = f"{title} · {result.label}"
        drawn.append(MapShape(shape.d, shape.code, name, country, title, status, result))
    return WorldMap(
        view_box=shapes.box.view_box(),
        shapes=drawn,
        countries=countries,
        legend=legend,
        total=sum(own.values()) + beyond.total,
        beyond=beyond,
    )
