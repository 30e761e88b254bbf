"""The matrix, a country's page and their downloads as they were at a moment (?as_of=): read
from the history by activities.as_of, marked as a past view on the page."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from activities.as_of import (
    AsOfError,
    Moment,
    agencies_by_activity,
    filter_past,
    parse_as_of,
    past_activities,
    past_links,
)
from activities.exports import past_download
from activities.filters import ActivityFilterSet
from activities.matrix import (
    DEFAULT_SORT,
    active_filters,
    is_filtered,
    ordering,
    paginate,
    sort_key,
    sort_links,
)
from activities.matrix_table import render_matrix_table
from activities.models import Activity, Role
from countries.models import Country

# No history of "last updated" is kept (it is when a version was saved): that sort falls back.
PAST_SORTS_LEFT_OUT = ("updated", "-updated")


def asked_moment(request: HttpRequest) -> Moment | None:
    """The moment the request asks for (None: today); AsOfError for a wrong one."""
    value = request.GET.get("as_of", "")
    return parse_as_of(value) if value.strip() else None


def refused(request: HttpRequest, error: AsOfError, template: str, **ctx) -> HttpResponse:
    """The page, with no rows and the reason: 400."""
    ctx = {**ctx, "as_of_error": str(error), "page": None, "table": ""}
    return render(request, template, ctx, status=400)


def past_rows(request: HttpRequest, moment: Moment):
    """(filter set, sort, past records) for the matrix's query string at `moment`."""
    filterset = ActivityFilterSet(request.GET, queryset=Activity.objects.all())
    sort = sort_key(request.GET)
    if sort in PAST_SORTS_LEFT_OUT:
        sort = DEFAULT_SORT
    if not filterset.is_valid():
        return filterset, sort, past_activities(moment.when).none()
    rows = filter_past(past_activities(moment.when), filterset, moment.when)
    return filterset, sort, rows.order_by(*ordering(sort))


def matrix_page(request: HttpRequest, filterset, rows, sort: str, moment: Moment):
    """Like page_of, paginated by country as the matrix is (activities.country_order)."""
    rows = rows.select_related("country", "focal_point__agency")
    paginator = paginate(filterset, rows, sort, settings.SPF_MATRIX_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    agencies = agencies_by_activity(moment.when, [row.id for row in page.object_list])
    table = render_matrix_table(
        request, page.object_list, agencies=agencies, sorts=sort_links(sort)
    )
    return page, table


def page_of(request: HttpRequest, rows, moment: Moment, **table_options):
    """The page of past records asked for, and its table (agencies as they were then)."""
    rows = rows.select_related("country", "focal_point__agency")
    paginator = Paginator(rows, settings.SPF_MATRIX_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    agencies = agencies_by_activity(moment.when, [row.id for row in page.object_list])
    table = render_matrix_table(request, page.object_list, agencies=agencies, **table_options)
    return page, table


def matrix(request: HttpRequest, moment: Moment) -> HttpResponse:
    filterset, sort, rows = past_rows(request, moment)
    page, table = matrix_page(request, filterset, rows, sort, moment)
    ctx = {
        "filter": filterset,
        "page": page,
        "table": table,
        "sort": sort,
        "active_filters": active_filters(filterset),
        "is_filtered": is_filtered(filterset),
        "as_of": moment,
    }
    return render(request, "activities/matrix.html", ctx)


def matrix_export(request: HttpRequest, moment: Moment) -> HttpResponse:
    _filterset, _sort, rows = past_rows(request, moment)
    return past_download(request, rows, moment, "spf-matrix")


def country_rows(country: Country, moment: Moment):
    return past_activities(moment.when).filter(country=country).order_by("title", "id")


def country_export(request: HttpRequest, country: Country, moment: Moment) -> HttpResponse:
    return past_download(
        request, country_rows(country, moment), moment, f"spf-{country.alpha3.lower()}"
    )


def agency_export(request: HttpRequest, agency, moment: Moment, name: str) -> HttpResponse:
    """What the agency led at `moment` (its page's download), by country and title."""
    led = past_links(moment.when).filter(agency=agency, role=Role.LEAD).values("activity_id")
    rows = past_activities(moment.when).filter(id__in=led).order_by("country__name", "title", "id")
    return past_download(request, rows, moment, name)
