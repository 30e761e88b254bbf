"""A country's results on a page of their own, for partners to link to ("showcasing
results"): in English, French or Spanish whatever the reader's own language (?lang=fr), as
public as the country page; logged-in members also see their agencies' values not yet
approved, marked as such."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone, translation

from activities.filters import YEAR_RANGE
from countries.views import country_or_404
from overview.result_figures import (
    latest_people_values,
    law_countries,
    law_milestones,
    law_values,
    people_figure,
)
from results.country_page import reader
from results.country_results import country_links, country_results, progress_of

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def country_results_page(request: HttpRequest, code: str) -> HttpResponse:
    country = country_or_404(code)
    language = request.GET.get("lang")
    if language not in LANGUAGES:
        language = translation.get_language()
    user = reader(request)
    # The progress table a page at a time: the busiest countries have thousands of rows.
    page = Paginator(
        country_links(country, user, reported_only=True), settings.SPF_MATRIX_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    with translation.override(language):
        response = render(
            request,
            "overview/country_results.html",
            {
                "results": country_results(country, user),
                "progress": progress_of(page.object_list, country, user),
                "page": page,
                "country": country,
                "language": language,
                "languages": settings.LANGUAGES,
            },
        )
    response["Content-Language"] = language
    return response


def people_values(request: HttpRequest) -> HttpResponse:
    """The values behind the front page's "people newly covered": each activity's latest
    approved value, and how they were combined."""
    figure = people_figure()
    rows = []
    if figure is not None:
        rows = list(
            latest_people_values(figure.indicator)
            .select_related("activity_indicator__activity__country", "period", "country")
            .order_by()
        )
        rows.sort(key=lambda value: (-value.value, value.activity_indicator.activity.reference))
    return render(request, "overview/results_people.html", {"figure": figure, "rows": rows})


def law_values_page(request: HttpRequest) -> HttpResponse:
    """The milestones and the activities' law values behind the front page's "countries with
    a new law or scheme this year" (?year= another year)."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    # The matrix's years: a year outside them names no law, and no date can be made of it.
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        year = timezone.localdate().year
    ctx = {
        "year": year,
        "count": law_countries(year).count(),
        "milestones": list(
            law_milestones(year)
            .select_related("country")
            .prefetch_related("agencies")
            .order_by("-achieved_on", "pk")
        ),
        "laws": list(
            law_values(year)
            .select_related("activity_indicator__activity__country", "period", "country")
            .order_by("-achieved_on", "pk")
        ),
    }
    return render(request, "overview/results_laws.html", ctx)
