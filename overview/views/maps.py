"""The world map of the matrix: the page, and the part that htmx redraws when a filter
changes (same filters as the matrix, in the URL)."""

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse

from activities.matrix import active_filters, filtered_activities, is_filtered
from decisions.map_layer import legend, status_layer
from overview.result_layer import coverage_legend, result_layer
from overview.worldmap import build_map, matrix_map


def filters_in_use(params: QueryDict) -> QueryDict:
    """The parameters that filter something: a form sends every field, empty or not, and
    "any role" means nothing without an agency."""
    kept = QueryDict(mutable=True)
    for name, values in params.lists():
        values = [value for value in values if value.strip()]
        if values and not (name == "agency_role" and not params.get("agency")):
            kept.setlist(name, values)
    return kept


# The layers the map can shade countries by: the activities (the default), or the results.
RESULTS_LAYER = "results"


def selected_year(filterset) -> int | None:
    """The year the filters ask for ("running in year"): the results layer's milestones."""
    data = getattr(filterset.form, "cleaned_data", None) or {}
    return data.get("year")


def _context(request: HttpRequest) -> dict[str, object]:
    params = filters_in_use(request.GET)
    layer = RESULTS_LAYER if params.pop("layer", [""])[-1] == RESULTS_LAYER else ""
    filterset, activities = filtered_activities(params)
    acronyms = {pk: acronym for acronym, pk in filterset.agency_ids.items()}
    # The layer of the coalition's countries: their status, outlined over the counts.
    statuses = status_layer(request.user)
    results = result_layer(selected_year(filterset)) if layer else None
    kept = {"acronyms": acronyms, "statuses": statuses, "results": results}
    if is_filtered(filterset):
        world_map = build_map(activities, params, **kept)
    else:  # the whole matrix: its tallies, not a count of every activity
        world_map = matrix_map(params, **kept)
    query_without_layer = params.urlencode()
    if layer:
        params["layer"] = layer
    return {
        "query_without_layer": query_without_layer,
        "layer": layer,
        "coverage_legend": coverage_legend() if layer else [],
        "result_rows": result_rows(world_map) if layer else [],
        "results_year": selected_year(filterset),
        "filter": filterset,
        "map": world_map,
        "status_legend": legend(statuses),
        "query": params.urlencode(),
        "is_filtered": is_filtered(filterset),
        "filters_in_use": active_filters(filterset),
    }


def result_rows(world_map) -> list:
    """The shapes the results layer marks, for its table: by name."""
    return sorted(
        (shape for shape in world_map.shapes if shape.result is not None),
        key=lambda shape: shape.name,
    )


def map_page(request: HttpRequest) -> HttpResponse:
    return render(request, "overview/map.html", _context(request))


def map_data(request: HttpRequest) -> HttpResponse:
    """The map, its legend and its table for the filters in the query string: what the
    map page swaps in when a filter changes. The address bar then shows the map page with
    those filters, so that the view can be bookmarked and shared."""
    ctx = _context(request)
    response = render(request, "overview/_map.html", ctx)
    query = ctx["query"]
    response["HX-Replace-Url"] = reverse("overview:map") + (f"?{query}" if query else "")
    return response
