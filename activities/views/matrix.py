from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.as_of import AsOfError
from activities.exports import FORMATS as EXPORT_FORMATS
from activities.exports import export_response
from activities.grid import build_grid, render_grid_table
from activities.matrix import (
    active_filters,
    filtered_activities,
    is_filtered,
    paginate,
    sort_key,
    sort_links,
)
from activities.matrix_table import render_matrix_table
from activities.views import past


def matrix(request: HttpRequest) -> HttpResponse:
    """Who is doing what where: the filtered, sorted, paginated list of activities (as they
    are, or as they were at ?as_of=)."""
    try:
        moment = past.asked_moment(request)
    except AsOfError as error:
        filterset, _rows = filtered_activities(request.GET)
        return past.refused(request, error, "activities/matrix.html", filter=filterset)
    if moment is not None:
        return past.matrix(request, moment)
    filterset, activities = filtered_activities(request.GET)
    sort = sort_key(request.GET)
    paginator = paginate(
        filterset,
        activities.for_rows(),
        sort,
        settings.SPF_MATRIX_PAGE_SIZE,
        whole_matrix=filterset.selects_everything(),
    )
    # get_page() turns ?page=abc into page 1 and a page past the end into the last one.
    page = paginator.get_page(request.GET.get("page"))
    ctx = {
        "filter": filterset,
        "page": page,
        "table": render_matrix_table(
            request, page.object_list, sorts=sort_links(sort), focus=filterset.focus()
        ),
        "sort": sort,
        "active_filters": active_filters(filterset),
        "is_filtered": is_filtered(filterset),
    }
    return render(request, "activities/matrix.html", ctx)


def grid(request: HttpRequest) -> HttpResponse:
    """The same filters as the matrix, counted per country and agency."""
    if request.GET.get("as_of"):
        # The past view is the list's (activities.as_of): the grid counts today's rows.
        return redirect(f"{reverse('activities:matrix')}?{request.GET.urlencode()}")
    filterset, activities = filtered_activities(request.GET)
    grid = build_grid(activities, request.GET, filterset.country_codes, filterset.agency_acronyms)
    ctx = {
        "filter": filterset,
        "grid": grid,
        "table": render_grid_table(request, grid),
        "active_filters": active_filters(filterset),
        "is_filtered": is_filtered(filterset),
    }
    return render(request, "activities/grid.html", ctx)


def matrix_export(request: HttpRequest) -> HttpResponse:
    """The rows the matrix shows for the same query string, as CSV, XLSX, ODS or HXL."""
    try:
        moment = past.asked_moment(request)
    except AsOfError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    if moment is not None:
        return past.matrix_export(request, moment)
    fmt = request.GET.get("format", "")
    if fmt not in EXPORT_FORMATS:
        message = _(
            "Unknown export format %(format)r: use csv or xlsx (spreadsheets), ods "
            "(OpenDocument), hxl or hxl-long (CSV with HXL hashtags)."
        ) % {"format": fmt}
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")

    filterset, activities = filtered_activities(request.GET)
    if filterset.errors:
        # An empty file would read as "no activities"; say which filter is wrong instead.
        problems = "\n".join(
            f"{field.label}: {error}" for field in filterset.form for error in field.errors
        )
        message = _("Some filters could not be used, so nothing was exported:") + "\n" + problems
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    filename = f"spf-matrix-{timezone.localdate():%Y-%m-%d}"
    return export_response(
        activities.for_matrix(),
        fmt,
        include_contacts=request.user.has_perm("activities.view_contacts"),
        filename=filename,
    )
