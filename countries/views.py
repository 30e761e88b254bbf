from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django_countries import countries as iso_countries

from activities.models import Activity, ActivityAgency, Role
from agencies.models import FocalLevel, FocalPoint
from countries.models import Country, Region


def index(request: HttpRequest) -> HttpResponse:
    """Countries with at least one activity, grouped by ILO region."""
    countries = Country.objects.annotate(n=Count("activities")).filter(n__gt=0).order_by()
    by_region: dict[str, list[Country]] = {value: [] for value in Region.values}
    for country in countries:
        by_region.setdefault(country.region, []).append(country)
    labels = dict(Region.choices)
    regions = [
        (labels.get(region, region), sorted(items, key=str))
        for region, items in by_region.items()
        if items
    ]
    return render(request, "countries/index.html", {"regions": regions})


def detail(request: HttpRequest, code: str) -> HttpResponse:
    """Everything about one country: its activities, who leads what, whom to contact."""
    country = Country.objects.filter(code=iso_countries.alpha2(code) or "-").first()
    if country is None:
        raise Http404("Unknown country code")

    activities = list(country.activities.for_matrix().order_by("title", "pk"))
    ctx = {
        "country": country,
        "activities": activities,
        "agencies": agency_summary(activities),
        "contacts": contacts_for(country),
        "show_contacts": request.user.is_authenticated,
    }
    return render(request, "countries/detail.html", ctx)


def agency_summary(activities: list[Activity]) -> list[dict[str, object]]:
    """Agencies active in these activities with how many they take part in and lead,
    read from the prefetched participations (no query)."""
    summary: dict[int, dict[str, object]] = {}
    for activity in activities:
        for link in activity.participations.all():
            row = summary.setdefault(link.agency_id, {"agency": link.agency, "n": 0, "leads": 0})
            row["n"] += 1
            row["leads"] += link.role == Role.LEAD
    return sorted(summary.values(), key=lambda row: (-row["leads"], -row["n"], str(row["agency"])))


def contacts_for(country: Country) -> dict[str, list[FocalPoint]]:
    """Focal points of the agencies active in the country: there, for its region, globally."""
    active_there = ActivityAgency.objects.filter(
        agency=OuterRef("agency"), activity__country=country
    )
    people: QuerySet[FocalPoint] = (
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
