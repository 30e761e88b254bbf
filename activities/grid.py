"""The country x agency grid: how many activities each agency has in each country, and how
many of them it leads, for the same filters as the matrix.

Two aggregate queries whatever the size; the cells are rendered here as ready-made HTML
because at full size the grid has ~12,000 of them and a template loop with logic per cell
would dominate the response time: each row's cells come as one string.
"""

import functools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import get_language, ngettext

from activities.filters import country_names
from activities.models import Activity, ActivityAgency, Role
from core.names import name_key

# Stands for a country code in the country page's URL, reversed once per grid.
CODE_SLOT = "ZZ"
# Filters replaced by each cell's own country and agency when linking to the matrix.
CELL_PARAMS = ("country", "agency", "agency_role", "page", "sort", "format")


@dataclass
class GridColumn:
    acronym: str
    url: str  # the agency's page
    param: str = ""  # the acronym, quoted and escaped for a link
    total: int = 0
    leads: int = 0


@dataclass
class GridRow:
    code: str
    name: str
    url: str  # the country's page
    matrix_link: str  # the matrix filtered on this country
    total: int = 0  # activities in the country (an activity counts once, not per agency)
    cells: str = ""  # the <td>s of the row, as one SafeString (see _cells)


@dataclass
class Grid:
    columns: list[GridColumn]
    rows: list[GridRow]


def build_grid(activities: QuerySet[Activity], params: QueryDict) -> Grid:
    activities = activities.order_by()
    pairs = (
        ActivityAgency.objects.filter(activity__in=activities.values("pk"))
        .values_list("activity__country__code", "agency__acronym")
        .annotate(n=Count("pk"), leads=Count("pk", filter=Q(role=Role.LEAD)))
        .order_by()
    )
    counts: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    columns: dict[str, GridColumn] = {}
    for code, acronym, n, leads in pairs:
        counts[code][acronym] = (n, leads)
        if acronym not in columns:
            columns[acronym] = GridColumn(
                acronym, reverse("agencies:detail", args=[acronym]), escape(quote(acronym))
            )
        columns[acronym].total += n
        columns[acronym].leads += leads
    per_country = activities.values_list("country__code").annotate(n=Count("pk")).order_by()

    base = params.copy()
    for name in CELL_PARAMS:
        base.pop(name, None)
    prefix = base.urlencode() + "&" if base else ""
    ordered = sorted(columns.values(), key=lambda column: column.acronym.lower())
    matrix_url = reverse("activities:matrix")
    names = country_names()
    # Hundreds of rows: reverse the country page once and the language once, not per row.
    country_url = reverse("countries:detail", args=[CODE_SLOT])
    lead_text = functools.partial(_cached_lead_text, get_language() or "")
    rows = []
    for code, total in per_country:
        link = f"{matrix_url}?{prefix}country={quote(code)}"
        name = names.get(code, code)
        row = GridRow(code, name, country_url.replace(CODE_SLOT, code), link, total)
        row.cells = _cells(link, ordered, counts.get(code, {}), lead_text)
        rows.append(row)
    # By the name shown, in the visitor's language, accents folded ("Égypte" before "Espagne");
    # the code breaks ties so that the order is stable.
    rows.sort(key=lambda row: (name_key(row.name), row.code))
    return Grid(ordered, rows)


def _cells(
    matrix_link: str,
    columns: list[GridColumn],
    counts: dict[str, tuple[int, int]],
    lead_text: Callable[[int], str],
) -> SafeString:
    """The row's <td>s, one per agency column: the count linking to those rows of the matrix,
    and ★ with the number of activities the agency leads there."""
    href = escape(f"{matrix_link}&agency=")
    cells = []
    for column in columns:
        n, leads = counts.get(column.acronym, (0, 0))
        if not n:
            cells.append("<td></td>")
        elif leads:
            cells.append(
                f'<td class="has-lead"><a href="{href}{column.param}">{n}<span class="lead-mark"'
                f' aria-hidden="true"> ★{leads}</span><span class="visually-hidden">'
                f" ({lead_text(leads)})</span></a></td>"
            )
        else:
            cells.append(f'<td><a href="{href}{column.param}">{n}</a></td>')
    # Every piece is escaped above: counts are integers, links and labels go through escape().
    return SafeString("".join(cells))


@functools.lru_cache(maxsize=256)
def _cached_lead_text(language: str, count: int) -> str:
    return escape(ngettext("%(count)s as lead", "%(count)s as lead", count) % {"count": count})
