"""The world map of the matrix: how many activities each country has for the matrix's
filters, who leads them there, and the map's shading and legend.

Two aggregate queries whatever the number of activities (counts per country; lead agencies
per country), on top of the filter set's own two; the shapes come from overview.shapes,
drawn once per process.
"""

import math
from dataclasses import dataclass, field
from urllib.parse import quote

from django.db.models import Count, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import ngettext

from activities.filters import country_names
from activities.models import Activity, ActivityAgency, Role
from core.names import name_key
from overview.shapes import World, world

# Shading steps of the legend (the palette in static/css/overview.css has as many).
STEPS = 5
# Lead agencies named in a country's hover text; the rest are counted ("and 4 more").
LEADS_SHOWN = 5
# Stands for a country code in the country page's URL, reversed once per map.
CODE_SLOT = "ZZ"
# Parameters of the current query that a country's matrix link does not keep.
DROPPED_PARAMS = ("country", "page", "sort", "format")


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
    count: int
    url: str  # the country's page
    matrix_url: str  # the matrix with the same filters, on this country
    leads: list[str] = field(default_factory=list)
    step: int = 0
    on_map: bool = True

    @property
    def leads_shown(self) -> list[str]:
        return self.leads[:LEADS_SHOWN]

    @property
    def leads_more(self) -> int:
        return max(0, len(self.leads) - LEADS_SHOWN)

    @property
    def summary(self) -> str:
        """What hovering or focusing the country says: its count and lead agencies."""
        text = ngettext(
            "%(country)s: %(count)d activity", "%(country)s: %(count)d activities", self.count
        ) % {"country": self.name, "count": self.count}
        if self.leads:
            leads = ", ".join(self.leads_shown)
            if self.leads_more:
                leads += " " + ngettext(
                    "and %(count)d more", "and %(count)d more", self.leads_more
                ) % {"count": self.leads_more}
            text += ". " + ngettext("Lead: %(leads)s", "Leads: %(leads)s", len(self.leads)) % {
                "leads": leads
            }
        return text


@dataclass(frozen=True)
class MapShape:
    """A shape as drawn: its path, and the country's count if it has activities."""

    d: str
    code: str
    name: str
    country: CountryCount | None


@dataclass
class WorldMap:
    view_box: str
    shapes: list[MapShape]
    countries: list[CountryCount]  # with activities, busiest first (the table)
    legend: list[LegendStep]
    total: int  # activities counted

    @property
    def off_map(self) -> list[CountryCount]:
        """Countries with activities but too small to have a shape at this scale."""
        return [country for country in self.countries if not country.on_map]

    @property
    def max_count(self) -> int:
        return self.countries[0].count if self.countries else 0


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


def lead_agencies(activities: QuerySet[Activity]) -> dict[str, list[str]]:
    """Country code -> acronyms of the agencies leading those activities there."""
    pairs = (
        ActivityAgency.objects.filter(role=Role.LEAD, activity__in=activities.values("pk"))
        .values_list("activity__country__code", "agency__acronym")
        .distinct()
        .order_by()
    )
    leads: dict[str, list[str]] = {}
    for code, acronym in pairs:
        leads.setdefault(code, []).append(acronym)
    for acronyms in leads.values():
        acronyms.sort(key=str.lower)
    return leads


def build_map(
    activities: QuerySet[Activity], params: QueryDict | None = None, shapes: World | None = None
) -> WorldMap:
    """The map for these (already filtered) activities; `params`, the filters in the URL,
    are kept in each country's link to the matrix."""
    shapes = shapes or world()
    activities = activities.order_by()
    counts = activities.values_list("country__code").annotate(n=Count("pk")).order_by()
    leads = lead_agencies(activities)

    base = params.copy() if params is not None else QueryDict(mutable=True)
    for name in DROPPED_PARAMS:
        base.pop(name, None)
    prefix = base.urlencode() + "&" if base else ""
    matrix_url = reverse("activities:matrix")
    country_url = reverse("countries:detail", args=[CODE_SLOT])
    names = country_names()
    on_map = shapes.codes

    countries = [
        CountryCount(
            code=code,
            name=names.get(code, code),
            count=n,
            url=country_url.replace(CODE_SLOT, code),
            matrix_url=f"{matrix_url}?{prefix}country={quote(code)}",
            leads=leads.get(code, []),
            on_map=code in on_map,
        )
        for code, n in counts
    ]
    countries.sort(key=lambda country: (-country.count, name_key(country.name), country.code))
    legend = legend_steps(countries[0].count if countries else 0)
    for country in countries:
        country.step = step_of(country.count, legend)

    by_code = {country.code: country for country in countries}
    drawn = [
        MapShape(
            shape.d,
            shape.code,
            names.get(shape.code, shape.name) if shape.code else shape.name,
            by_code.get(shape.code),
        )
        for shape in shapes.shapes
    ]
    return WorldMap(
        view_box=shapes.box.view_box(),
        shapes=drawn,
        countries=countries,
        legend=legend,
        total=sum(country.count for country in countries),
    )
