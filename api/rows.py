"""A page of activities as the API returns it, built in bulk.

The ActivitySerializer describes the shape (and the schema); this module fills it in for a
whole page at once: agencies and tools in one query each as plain values, no model objects,
no per-field serializer calls. A page of 100 costs about a third of what DRF's nested
serializers took, and the same number of queries as a page of 10.
"""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from rest_framework.fields import DateField, DateTimeField

from activities.models import GUARANTEE_FIELDS, Activity, ActivityAgency, role_order

Row = dict[str, Any]
_dates = DateField()
_datetimes = DateTimeField()


def activity_rows(activities: Sequence[Activity], *, show_contacts: bool) -> list[Row]:
    """`activities` with their country and focal point's agency fetched (select_related)."""
    ids = [activity.pk for activity in activities]
    agencies = agencies_by_activity(ids)
    used = tools_by_activity(Activity.tools_used.through, ids)
    needed = tools_by_activity(Activity.tools_needed.through, ids)
    countries: dict[int, Row] = {}
    rows = []
    for activity in activities:
        country = countries.get(activity.country_id)
        if country is None:
            country = countries[activity.country_id] = country_row(activity)
        rows.append(
            {
                "reference": activity.reference,
                "title": activity.title,
                "description": activity.description,
                "country": country,
                "activity_type": activity.activity_type,
                "status": activity.status,
                "guarantees": [
                    value for value, field in GUARANTEE_FIELDS.items() if getattr(activity, field)
                ],
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


def country_row(activity: Activity) -> Row:
    country = activity.country
    return {
        "code": str(country.code),
        "alpha3": country.alpha3,
        "name": country.name,
        "region": country.region,
    }


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
