"""The country x agency grid: how many activities each agency has in each country, and how
many of them it leads, for the same filters as the matrix.

Two aggregate queries whatever the size; the cells are rendered here as ready-made HTML
because at full size the grid has ~12,000 of them and a template loop with logic per cell
would dominate the response time.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import quote

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext
from django_countries import countries as iso_countries

from activities.models import Activity, ActivityAgency, Role

# Filters replaced by each cell's own country and agency when linking to the matrix.
CELL_PARAMS = ("country", "agency", "agency_role", "page", "sort", "format")


@dataclass
class GridColumn:
    acronym: str
    url: str  # the agency's page
    total: int = 0
    leads: int = 0


@dataclass
class GridRow:
    code: str
    name: str
    url: str  # the country's page
    matrix_query: str  # the matrix filtered on this country
    total: int = 0  # activities in the country (an activity counts once, not per agency)
    cells: list[SafeString] = field(default_factory=list)


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
            columns[acronym] = GridColumn(acronym, reverse("agencies:detail", args=[acronym]))
        columns[acronym].total += n
        columns[acronym].leads += leads
    per_country = activities.values_list("country__code").annotate(n=Count("pk")).order_by()

    base = params.copy()
    for name in CELL_PARAMS:
        base.pop(name, None)
    prefix = base.urlencode() + "&" if base else ""
    ordered = sorted(columns.values(), key=lambda column: column.acronym.lower())
    matrix_url = reverse("activities:matrix")
    rows = []
    for code, total in per_country:
        query = f"{prefix}country={quote(code)}"
        name = str(iso_countries.name(code)) or code
        row = GridRow(code, name, reverse("countries:detail", args=[code]), query, total)
        row.cells = _cells(f"{matrix_url}?{query}", ordered, counts.get(code, {}))
        rows.append(row)
    rows.sort(key=lambda row: row.name)
    return Grid(ordered, rows)


def _cells(
    matrix_link: str, columns: list[GridColumn], counts: dict[str, tuple[int, int]]
) -> list[SafeString]:
    """One <td> per agency column: the count linking to those rows of the matrix, and ★ with
    the number of activities the agency leads there."""
    href = escape(f"{matrix_link}&agency=")
    cells = []
    for column in columns:
        n, leads = counts.get(column.acronym, (0, 0))
        if not n:
            cells.append(EMPTY_CELL)
            continue
        link = f'<a href="{href}{escape(quote(column.acronym))}">{n}'
        if leads:
            cells.append(
                mark_safe(
                    f'<td class="has-lead">{link}<span class="lead-mark" aria-hidden="true">'
                    f' ★{leads}</span><span class="visually-hidden"> ({_lead_text(leads)})'
                    "</span></a></td>"
                )
            )
        else:
            cells.append(mark_safe(f"<td>{link}</a></td>"))
    return cells


EMPTY_CELL = mark_safe("<td></td>")


def _lead_text(count: int) -> str:
    return escape(ngettext("%(count)s as lead", "%(count)s as lead", count) % {"count": count})
