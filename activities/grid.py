"""The country x agency grid: how many activities each agency has in each country, and how
many of them it leads, for the same filters as the matrix.

Two aggregate queries whatever the size (the filter form has read the countries' codes and
the agencies' acronyms they name), and two more for the activities without a main country
(regional, global, several countries with none marked main): a row per region, then one for
the global ones, after the countries. An activity counts in its main country's row.

At full size the grid has ~12,000 cells: they are drawn by the Jinja2 template
templates/jinja2/activities/grid_table.html (see core/jinja.py), from the plain values built
here.
"""

import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import quote, urlencode

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from activities.country_order import rows_by_main_country
from activities.filters import country_keys, country_names
from activities.models import Activity, ActivityAgency, Role, Scope
from core.jinja import render_partial
from countries.models import Region

# Stands for a country code in the country page's URL, reversed once per grid.
CODE_SLOT = "ZZ"
# Filters replaced by each cell's own country and agency when linking to the matrix.
CELL_PARAMS = ("country", "agency", "agency_role", "page", "sort", "format")


@dataclass
class GridColumn:
    acronym: str
    url: str  # the agency's page
    param: str = ""  # the acronym, quoted for a link
    total: int = 0
    leads: int = 0


class GridCell(NamedTuple):
    param: str  # the column's agency, quoted for a link
    count: int  # 0: no activity, an empty cell
    leads: int


EMPTY = GridCell("", 0, 0)


@dataclass
class GridRow:
    code: str  # a country's code, or a place's key ("regional:africa", "global")
    name: str
    url: str  # the country's page ("" for a region or the world)
    matrix_link: str  # the matrix filtered on this country
    total: int = 0  # activities in the country (an activity counts once, not per agency)
    cells: list[GridCell] = field(default_factory=list)  # one per column


@dataclass
class Grid:
    columns: list[GridColumn]
    rows: list[GridRow]
    # "n as lead" for each number of leads in a cell, translated once per grid.
    lead_words: dict[int, str] = field(default_factory=dict)


def build_grid(
    activities: QuerySet[Activity],
    params: QueryDict,
    codes: Mapping[int, str],
    acronyms: Mapping[int, str],
) -> Grid:
    """The grid of `activities`; `codes` and `acronyms` name the countries and agencies by
    id (the filter form has read them already: ActivityFilterSet.country_codes and
    agency_acronyms)."""
    activities = activities.order_by()
    # Grouped by the ids, named afterwards: grouping 25,000 participations by two integers
    # rather than by joined code and acronym halves the query at full size. Unfiltered, the
    # participations are counted without the semi-join on the activities' ids.
    pairs = (
        ActivityAgency.objects.values_list("activity__country_id", "agency_id")
        .annotate(n=Count("pk"), leads=Count("pk", filter=Q(role=Role.LEAD)))
        .order_by()
    )
    if activities.query.has_filters():
        pairs = pairs.filter(activity__in=activities.values("pk"))
    counts: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    columns: dict[str, GridColumn] = {}
    beyond_pairs = (
        ActivityAgency.objects.filter(activity__country__isnull=True)
        .values_list("activity__scope", "activity__region", "agency_id")
        .annotate(n=Count("pk"), leads=Count("pk", filter=Q(role=Role.LEAD)))
        .order_by()
    )
    if activities.query.has_filters():
        beyond_pairs = beyond_pairs.filter(activity__in=activities.values("pk"))
    found_pairs = [
        (codes[country_id], agency_id, n, leads)
        for country_id, agency_id, n, leads in pairs
        if country_id is not None
    ] + [
        (f"{scope}:{region}", agency_id, n, leads)
        for scope, region, agency_id, n, leads in beyond_pairs
    ]
    for code, agency_id, n, leads in found_pairs:
        acronym = acronyms[agency_id]
        counts[code][acronym] = (n, leads)
        if acronym not in columns:
            columns[acronym] = GridColumn(
                acronym, reverse("agencies:detail", args=[acronym]), quote(acronym)
            )
        columns[acronym].total += n
        columns[acronym].leads += leads
    if activities.query.has_filters():
        per_country = (
            activities.filter(country__isnull=False)
            .values_list("country_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
    else:
        # Every activity: counted per country by the tallies, as the matrix's pages are.
        per_country = [(pk, n) for pk, n in rows_by_main_country() if pk is not None]
    per_place = (
        activities.filter(country__isnull=True)
        .values_list("scope", "region")
        .annotate(n=Count("pk"))
        .order_by()
    )

    base = params.copy()
    for name in CELL_PARAMS:
        base.pop(name, None)
    prefix = base.urlencode() + "&" if base else ""
    ordered = sorted(columns.values(), key=lambda column: column.acronym.lower())
    matrix_url = reverse("activities:matrix")
    names = country_names()
    # Hundreds of rows: reverse the country page once, not per row.
    country_url = reverse("countries:detail", args=[CODE_SLOT])
    rows = []
    for country_id, total in per_country:
        code = codes[country_id]
        link = f"{matrix_url}?{prefix}country={quote(code)}"
        name = names.get(code, code)
        row = GridRow(code, name, country_url.replace(CODE_SLOT, code), link, total)
        found = counts.get(code, {})
        for column in ordered:
            n, leads = found.get(column.acronym, (0, 0))
            row.cells.append(GridCell(column.param, n, leads) if n else EMPTY)
        rows.append(row)
    # By the name shown, in the visitor's language, accents folded ("Égypte" before "Espagne");
    # the code breaks ties so that the order is stable.
    keys = country_keys()
    rows.sort(key=lambda row: (keys.get(row.code, row.code), row.code))
    rows += place_rows(per_place, counts, ordered, f"{matrix_url}?{prefix}")
    language = get_language() or ""
    lead_words = {
        leads: _lead_words(language, leads)
        for found in counts.values()
        for _n, leads in found.values()
        if leads
    }
    return Grid(ordered, rows, lead_words)


def place_rows(
    per_place: Iterable[tuple[str, str, int]],
    counts: Mapping[str, dict[str, tuple[int, int]]],
    columns: list[GridColumn],
    matrix_prefix: str,
) -> list[GridRow]:
    """The rows of the activities without a main country: a region's regional ones (in
    the regions' order), the global ones, those of several countries none of which is
    marked main."""
    totals = {(scope, region): n for scope, region, n in per_place}
    regions = dict(Region.choices)
    places = [(Scope.REGIONAL, value) for value in regions]
    places += [(Scope.GLOBAL, ""), (Scope.MULTI_COUNTRY, "")]
    rows = []
    for scope, region in places:
        total = totals.get((scope, region), 0)
        if not total:
            continue
        key = f"{scope}:{region}"
        if scope == Scope.REGIONAL:
            name = _("%(region)s: regional") % {"region": regions[region]}
            params = {"scope": scope, "region": region}
        else:
            name, params = str(Scope(scope).label), {"scope": scope}
        row = GridRow(key, name, "", matrix_prefix + urlencode(params), total)
        found = counts.get(key, {})
        for column in columns:
            n, leads = found.get(column.acronym, (0, 0))
            row.cells.append(GridCell(column.param, n, leads) if n else EMPTY)
        rows.append(row)
    return rows


@functools.lru_cache(maxsize=256)
def _lead_words(language: str, count: int) -> str:
    return ngettext("%(count)s as lead", "%(count)s as lead", count) % {"count": count}


def render_grid_table(request: HttpRequest, grid: Grid) -> SafeString:
    """The grid's table: a row per country, a column per agency, totals at the foot."""
    return render_partial("activities/grid_table.html", {"grid": grid}, request)
