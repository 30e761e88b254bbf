"""The country pages: every country with activities, and one country's activities, who leads
what there and whom to contact, with its download.

They list activities, so they live with the activities, above countries and agencies; they
keep their URLs under /countries/ and the "countries:" names (spf_coalition/urls.py serves
them beside the countries app's own pages).
"""

import rules
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render

from activities.as_of import AsOfError
from activities.exports import activity_download
from activities.matrix_table import render_matrix_table
from activities.models import ActivityAgency
from activities.views import past
from agencies.models import FocalLevel, FocalPoint
from core.names import sorted_by_name
from countries.models import Country, Region
from countries.page_sections import country_sections
from countries.views import country_or_404


def index(request: HttpRequest) -> HttpResponse:
    """Countries with at least one activity, grouped by ILO region."""
    countries = Country.objects.annotate(n=Count("activities")).filter(n__gt=0).order_by()
    by_region: dict[str, list[Country]] = {value: [] for value in Region.values}
    for country in countries:
        by_region.setdefault(country.region, []).append(country)
    labels = dict(Region.choices)
    regions = [
        (labels.get(region, region), sorted_by_name(items))
        for region, items in by_region.items()
        if items
    ]
    return render(request, "countries/index.html", {"regions": regions})


def detail(request: HttpRequest, code: str) -> HttpResponse:
    """Everything about one country: its activities, who leads what, whom to contact."""
    country = country_or_404(code)
    try:
        moment = past.asked_moment(request)
    except AsOfError as error:
        empty = {"agencies": [], "contacts": {}, "assessments": None, "show_contacts": False}
        return past.refused(request, error, "countries/detail.html", country=country, **empty)
    if moment is not None:
        # The activities as they were; the agencies and contacts below are today's.
        page, table = past.page_of(
            request, past.country_rows(country, moment), moment, hide_country=True
        )
    else:
        # Paginated like the matrix: the busiest countries have hundreds of activities.
        activities = country.activities.for_rows().order_by("title", "pk")
        page = Paginator(activities, settings.SPF_MATRIX_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        table = render_matrix_table(request, page.object_list, hide_country=True)
    ctx = {
        "country": country,
        "as_of": moment,
        "page": page,
        "table": table,
        "agencies": ActivityAgency.objects.agencies_in(country.pk),
        "contacts": contacts_for(country),
        "show_contacts": request.user.is_authenticated,
        # Politically sensitive: members and the secretariat only, never the public. Asked of
        # the rules alone: user.has_perm would also load Django's model permissions (two
        # queries) for a right that only the rules hold.
        "assessments": (
            list(country.assessments.select_related("criterion").order_by("criterion__number"))
            if rules.has_perm("countries.see_assessments", request.user)
            else None
        ),
        # What floors above add: the country's status and joint workplan, its documents.
        "sections": country_sections(request, country),
    }
    return render(request, "countries/detail.html", ctx)


def country_export(request: HttpRequest, code: str) -> HttpResponse:
    """The activities the country page lists, in its order; ?format= says which file."""
    country = country_or_404(code)
    try:
        moment = past.asked_moment(request)
    except AsOfError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    if moment is not None:
        return past.country_export(request, country, moment)
    activities = country.activities.order_by("title", "pk")
    return activity_download(request, activities, f"spf-{country.alpha3.lower()}")


def contacts_for(country: Country) -> dict[str, list[FocalPoint]]:
    """Focal points of the agencies active in the country: there, for its region, globally."""
    active_there = ActivityAgency.objects.filter(
        agency=OuterRef("agency"), activity__country=country
    )
    people = (
        FocalPoint.objects.filter(Exists(active_there))
        .filter(
            Q(level=FocalLevel.COUNTRY, country=country)
            | Q(level=FocalLevel.REGIONAL, region=country.region)
            | Q(level=FocalLevel.GLOBAL)
        )
        .select_related("agency")
        .order_by("agency__acronym", "name")
    )
    levels: dict[str, list[FocalPoint]] = {level: [] for level in FocalLevel.values}
    for person in people:
        levels[person.level].append(person)
    return levels
