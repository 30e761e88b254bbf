"""A page of activities as the API returns it, built in bulk.

The ActivitySerializer describes the shape (and the schema); this module fills it in for a
whole page at once: agencies and tools in one query each as plain values, no model objects,
no per-field serializer calls. A page of 100 costs about a third of what DRF's nested
serializers took, and the same number of queries as a page of 10.
"""

from collections import defaultdict
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from django_countries import countries as iso_countries
from rest_framework.fields import DateField, DateTimeField

from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityAgency,
    ActivityCountry,
    ActivitySubdivision,
    ActivityTheme,
    role_order,
)
from core.names import sort_key
from core.translations import translated

Row = dict[str, Any]
_dates = DateField()
_datetimes = DateTimeField()


def activity_rows(activities: Sequence[Activity], *, show_contacts: bool) -> list[Row]:
    """`activities` with their country and focal point's agency fetched (select_related)."""
    ids = [activity.pk for activity in activities]
    agencies = agencies_by_activity(ids)
    used = tools_by_activity(Activity.tools_used.through, ids)
    needed = tools_by_activity(Activity.tools_needed.through, ids)
    covered = countries_by_activity(ids)
    places = subdivisions_by_activity(ids)
    themes = themes_by_activity(ids)
    rows = []
    for activity in activities:
        countries = sorted(
            covered.get(activity.pk, []), key=lambda c: (not c["main"], sort_key(c["name"]))
        )
        main = countries[0] if countries and countries[0]["main"] else None
        rows.append(
            {
                "reference": activity.reference,
                "title": activity.title,
                "description": activity.description,
                "scope": activity.scope,
                "region": activity.region,
                "country": {k: v for k, v in main.items() if k != "main"} if main else None,
                "countries": countries,
                "subdivisions": places.get(activity.pk, []),
                "activity_type": activity.activity_type,
                "status": activity.status,
                "guarantees": [
                    value for value, field in GUARANTEE_FIELDS.items() if getattr(activity, field)
                ],
                "themes": themes.get(activity.pk, []),
                "start_date": _dates.to_representation(activity.start_date),
                "end_date": _dates.to_representation(activity.end_date),
                "agencies": agencies.get(activity.pk, []),
                "focal_point": focal_point_row(activity, show_contacts),
                "tools_used": used.get(activity.pk, []),
                "tools_needed": needed.get(activity.pk, []),
                "funding": activity.funding,
                "updated_at": _datetimes.to_representation(activity.updated_at),
            }
        )
    return rows


def countries_by_activity(ids: list[int]) -> dict[int, list[Row]]:
    """Each activity's countries (the main one marked): one query. A row per link, each a
    dict of its own: the main flag differs from one activity to the next."""
    found: dict[int, list[Row]] = defaultdict(list)
    links = ActivityCountry.objects.filter(activity_id__in=ids).values_list(
        "activity_id",
        "activity__country_id",
        "country_id",
        "country__code",
        "country__name",
        "country__region",
    )
    alpha3: dict[str, str] = {}
    for activity_id, main_id, country_id, code, name, region in links:
        code = str(code)
        if code not in alpha3:
            alpha3[code] = iso_countries.alpha3(code)
        found[activity_id].append(
            {
                "code": code,
                "alpha3": alpha3[code],
                "name": name,
                "region": region,
                "main": country_id == main_id,
            }
        )
    return found


def subdivisions_by_activity(ids: list[int]) -> dict[int, list[Row]]:
    found: dict[int, list[Row]] = defaultdict(list)
    links = (
        ActivitySubdivision.objects.filter(activity_id__in=ids)
        .order_by("subdivision__code")
        .values_list(
            "activity_id", "subdivision__code", "subdivision__name", "subdivision__country__code"
        )
    )
    for activity_id, code, name, country in links:
        found[activity_id].append({"code": code, "name": name, "country": str(country)})
    return found


def themes_by_activity(ids: list[int]) -> dict[int, list[Row]]:
    """Each activity's themes, by code, named in the reader's language: one query."""
    found: dict[int, list[Row]] = defaultdict(list)
    links = (
        ActivityTheme.objects.filter(activity_id__in=ids)
        .order_by("theme__position", "theme__name")
        .values_list(
            "activity_id", "theme__code", "theme__name", "theme__name_fr", "theme__name_es"
        )
    )
    themes: dict[str, Row] = {}
    for activity_id, code, name, name_fr, name_es in links:
        if code not in themes:
            words = SimpleNamespace(name=name, name_fr=name_fr, name_es=name_es)
            themes[code] = {"code": code, "name": translated(words, "name")}
        found[activity_id].append(themes[code])
    return found


def focal_point_row(activity: Activity, show_contacts: bool) -> Row | None:
    person = activity.focal_point
    if person is None:
        return None
    contact = {"email": person.email, "phone": person.phone} if show_contacts else None
    return {"name": person.name, "agency": person.agency.acronym, "contact": contact}


def agencies_by_activity(ids: list[int]) -> dict[int, list[Row]]:
    """Each activity's agencies, lead first, then co-leads, partners, funders."""
    found: dict[int, list[Row]] = defaultdict(list)
    links = (
        ActivityAgency.objects.filter(activity_id__in=ids)
        .order_by(role_order(), "agency__acronym")
        .values_list("activity_id", "agency__acronym", "agency__name", "role")
    )
    for activity_id, acronym, name, role in links:
        found[activity_id].append({"acronym": acronym, "name": name, "role": role})
    return found


def tools_by_activity(through: Any, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    links = (
        through.objects.filter(activity_id__in=ids)
        .order_by("tool__name")
        .values_list("activity_id", "tool__name")
    )
    for activity_id, name in links:
        found[activity_id].append(name)
    return found
