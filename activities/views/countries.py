"""The country pages: every country with activities, and one country's activities, who leads
what there and whom to contact, with its download.

A country's page lists the activities that cover it (Activity.objects.covering): its own,
and those it shares (several countries, its region, the whole world), marked on their rows;
they can be narrowed to its own, to the shared ones, or to a place inside the country
(?place=own|shared, ?subdivision=SN-DK).

They list activities, so they live with the activities, above countries and agencies; they
keep their URLs under /countries/ and the "countries:" names (spf_coalition/urls.py serves
them beside the countries app's own pages).
"""

import rules
from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.functional import cached_property

from activities.as_of import AsOfError
from activities.exports import activity_download
from activities.matrix_table import render_matrix_table
from activities.models import Activity, ActivityAgency, ActivityQuerySet
from activities.views import past
from agencies.models import FocalLevel, FocalPoint
from core.names import sorted_by_name
from countries.models import Country, Region, Subdivision
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
        page = listed_pages(country, request).get_page(request.GET.get("page"))
        table = render_matrix_table(
            request, page.object_list, hide_country=True, focus=str(country.code)
        )
    agencies = ActivityAgency.objects.agencies_in(country.pk)
    ctx = {
        "country": country,
        "as_of": moment,
        "page": page,
        "table": table,
        "places": None if moment is not None else place_choices(country, request),
        "agencies": agencies,
        "contacts": contacts_for(country, [row["acronym"] for row in agencies]),
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


# What ?place= keeps of the activities covering the country.
PLACES = ("own", "shared")


def listed(country: Country, request: HttpRequest) -> ActivityQuerySet:
    """The activities the page lists: those covering the country, narrowed by ?place= and
    ?subdivision= (a code of one of its places; another country's is ignored)."""
    activities = Activity.objects.covering(country)
    place = request.GET.get("place", "")
    if place == "own":
        activities = activities.own_in(country)
    elif place == "shared":
        activities = activities.shared_with(country)
    code = request.GET.get("subdivision", "").strip().upper()
    if code:
        subdivision = Subdivision.objects.filter(country=country, code=code).first()
        if subdivision is not None:
            activities = activities.in_subdivision(subdivision)
    return activities


class CoveringPaginator(Paginator):
    """Pages of the activities covering a country, by title: each page's ids first
    (Activity.objects.covering_ids, every part of the rule read only as far as the page),
    then those rows with what a row shows; counted as the union of the parts' ids."""

    def __init__(self, country: Country, per_page: int) -> None:
        # Every page's rows, as a Paginator's object_list is (read by whoever wants them
        # all); the pages themselves are read by page() below.
        rows = Activity.objects.covering_rows(country, lambda part: part.for_rows())
        super().__init__(rows.order_by("title", "pk"), per_page)
        self.country = country

    @cached_property
    def count(self) -> int:
        ids = Activity.objects.covering_rows(self.country, lambda part: part.values("pk"))
        return ids.count()

    def page(self, number) -> Page:
        # Paginator.page's arithmetic, orphans included, over the ids instead of a slice.
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = Activity.objects.covering_ids(self.country, bottom, top)
        rows = Activity.objects.filter(pk__in=ids).for_rows().order_by("title", "pk")
        return self._get_page(list(rows), number, self)


def listed_pages(country: Country, request: HttpRequest) -> Paginator:
    """Pages of listed()'s activities, by title, with what a row shows. Unfiltered, read
    part by part of the rule (CoveringPaginator): the database pages the parts' ids in
    their indexes' order, without sorting every activity of the country."""
    size = settings.SPF_MATRIX_PAGE_SIZE
    if request.GET.get("place") in PLACES or request.GET.get("subdivision", "").strip():
        return Paginator(listed(country, request).for_rows().order_by("title", "pk"), size)
    return CoveringPaginator(country, size)


def place_choices(country: Country, request: HttpRequest) -> dict[str, object]:
    """The page's filter: its own or shared activities, and the places inside the country
    that some activity names (one query: a list of every province would be long and
    mostly empty)."""
    subdivisions = list(
        Subdivision.objects.filter(country=country, activity_links__isnull=False)
        .distinct()
        .order_by("name")
        .values_list("code", "name")
    )
    return {
        "place": request.GET.get("place", "") if request.GET.get("place") in PLACES else "",
        "subdivision": request.GET.get("subdivision", "").strip().upper(),
        "subdivisions": subdivisions,
        "filtered": bool(request.GET.get("place") or request.GET.get("subdivision")),
    }


def country_export(request: HttpRequest, code: str) -> HttpResponse:
    """The activities the country page lists, in its order; ?format= says which file."""
    country = country_or_404(code)
    try:
        moment = past.asked_moment(request)
    except AsOfError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    if moment is not None:
        return past.country_export(request, country, moment)
    activities = listed(country, request).order_by("title", "pk")
    return activity_download(request, activities, f"spf-{country.alpha3.lower()}")


def contacts_for(country: Country, acronyms: list[str]) -> dict[str, list[FocalPoint]]:
    """Focal points of the agencies active in the country (`acronyms`: those of
    ActivityAgency.objects.agencies_in, already counted for the page): there, for its
    region, globally. Asking each agency whether it works there again would read its
    participations one by one, thousands for a busy country."""
    people = (
        FocalPoint.objects.filter(agency__acronym__in=acronyms)
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
