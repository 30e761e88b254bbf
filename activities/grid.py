"""The country x agency grid: how many activities each agency has in each country, and how
many of them it leads, for the same filters as the matrix.

Two aggregate queries whatever the size (the filter form has read the countries' codes and
the agencies' acronyms they name). At full size the grid has ~12,000 cells: they are drawn by
the Jinja2 template templates/jinja2/activities/grid_table.html (see core/jinja.py), from the
plain values built here.
"""

import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import quote

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, QueryDict
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext

from activities.filters import country_keys, country_names
from activities.models import Activity, ActivityAgency, Role
from core.jinja import render_partial

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
    code: str
    name: str
    url: str  # the country's page
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
    for country_id, agency_id, n, leads in pairs:
        if country_id is None:
            continue  # no main country (a region's, the world's): not a country's row here
        code, acronym = codes[country_id], acronyms[agency_id]
        counts[code][acronym] = (n, leads)
        if acronym not in columns:
            columns[acronym] = GridColumn(
                acronym, reverse("agencies:detail", args=[acronym]), quote(acronym)
            )
        columns[acronym].total += n
        columns[acronym].leads += leads
    per_country = activities.values_list("country_id").annotate(n=Count("pk")).order_by()

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
        if country_id is None:
            continue
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
    language = get_language() or ""
    lead_words = {
        leads: _lead_words(language, leads)
        for found in counts.values()
        for _n, leads in found.values()
        if leads
    }
    return Grid(ordered, rows, lead_words)


@functools.lru_cache(maxsize=256)
def _lead_words(language: str, count: int) -> str:
    return ngettext("%(count)s as lead", "%(count)s as lead", count) % {"count": count}


def render_grid_table(request: HttpRequest, grid: Grid) -> SafeString:
    """The grid's table: a row per country, a column per agency, totals at the foot."""
    return render_partial("activities/grid_table.html", {"grid": grid}, request)
