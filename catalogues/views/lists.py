"""The four catalogues: filtered lists (filters in the URL) and their downloads
(?format=csv|xlsx|ods of the same URL), open to whoever reads the matrix."""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.models import Tool
from catalogues.filters import (
    DataSetFilterSet,
    GlobalProcessFilterSet,
    OutreachFilterSet,
    ToolFilterSet,
)
from catalogues.models import DataSet, GlobalProcess, OutreachMaterial
from catalogues.tables import (
    DataSetTable,
    GlobalProcessTable,
    OutreachTable,
    ToolTable,
    with_countries,
)
from core.spreadsheets.responses import FORMATS, format_error, table_response


def _filtered(filterset_class, params, queryset):
    """The filter set and its rows; none when a filter is wrong (the page says which)."""
    filterset = filterset_class(params, queryset=queryset)
    return filterset, (filterset.qs if filterset.is_valid() else queryset.none())


def _download(request: HttpRequest, filterset, table, name: str) -> HttpResponse | None:
    """The download asked for by ?format=, or None for the page itself."""
    fmt = request.GET.get("format")
    if fmt is None:
        return None
    if fmt not in FORMATS:
        return format_error(fmt)
    if filterset.errors:
        return _bad_filters(filterset)
    filename = f"spf-{name}-{timezone.localdate():%Y-%m-%d}"
    return table_response(table, fmt, filename=filename, sheet_title=name)


def _bad_filters(filterset) -> HttpResponse:
    problems = "\n".join(
        f"{name}: {error}" for name, errors in filterset.errors.items() for error in errors
    )
    message = _("Some filters could not be used, so nothing was exported:") + "\n" + problems
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


def _page(
    request: HttpRequest, template: str, filterset, rows, kind: str | None = None
) -> HttpResponse:
    """`kind`: the catalogue members add to and edit on the front end (catalogues.views.edit),
    None for the global processes (the secretariat's, in the admin)."""
    ctx = {
        "filter": filterset,
        "is_filtered": any(filterset.data.get(name) for name in filterset.filters),
        "rows": rows,
        "kind": kind,
    }
    return render(request, template, ctx)


def tools(request: HttpRequest) -> HttpResponse:
    """SPF tools: owner, purpose, languages, link, and the countries where activities use
    them."""
    filterset, found = _filtered(ToolFilterSet, request.GET, Tool.objects.select_related("owner"))
    rows = with_countries(found)
    download = _download(request, filterset, ToolTable(rows), "tools")
    return download or _page(request, "catalogues/tools.html", filterset, rows, "tools")


def data_sets(request: HttpRequest) -> HttpResponse:
    queryset = DataSet.objects.select_related("owner")
    filterset, found = _filtered(DataSetFilterSet, request.GET, queryset)
    download = _download(request, filterset, DataSetTable(found), "data")
    return download or _page(request, "catalogues/data_sets.html", filterset, found, "data")


def processes(request: HttpRequest) -> HttpResponse:
    queryset = GlobalProcess.objects.select_related("input_step").prefetch_related("agencies")
    filterset, found = _filtered(GlobalProcessFilterSet, request.GET, queryset)
    download = _download(request, filterset, GlobalProcessTable(found), "processes")
    return download or _page(request, "catalogues/processes.html", filterset, found)


def outreach(request: HttpRequest) -> HttpResponse:
    queryset = OutreachMaterial.objects.select_related("owner").prefetch_related("countries")
    filterset, found = _filtered(OutreachFilterSet, request.GET, queryset)
    download = _download(request, filterset, OutreachTable(found), "outreach")
    return download or _page(request, "catalogues/outreach.html", filterset, found, "outreach")
