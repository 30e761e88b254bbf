"""The front page: what the coalition is, a few figures, the map, the way into the matrix."""

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from activities.filters import ActivityFilterSet
from activities.matrix import NON_FILTER_PARAMS
from overview.figures import front_figures
from overview.result_figures import result_figures
from overview.worldmap import matrix_map

# The matrix's parameters: "/?country=VN" was the matrix before the front page took "/".
MATRIX_PARAMS = frozenset((*ActivityFilterSet.base_filters, *NON_FILTER_PARAMS))


def asks_for_matrix(params: QueryDict) -> bool:
    return any(name in MATRIX_PARAMS for name in params)


def home(request: HttpRequest) -> HttpResponse:
    if asks_for_matrix(request.GET):
        # Old links and bookmarks of the matrix keep working, filters and all.
        url = f"{reverse('activities:matrix')}?{request.GET.urlencode()}"
        return HttpResponsePermanentRedirect(url)
    ctx = {
        "figures": front_figures(timezone.localdate()),
        "results": result_figures(timezone.localdate()),
        "map": matrix_map(),
    }
    return render(request, "overview/home.html", ctx)
