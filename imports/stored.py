"""The activities a file's rows name, as stored: their columns, agencies and tools, read in
a few queries for the whole file (and locked, for the apply), and the references the hub
deleted. imports.compare compares the rows with them.
"""

from collections import defaultdict
from dataclasses import dataclass, field, make_dataclass
from functools import cache
from itertools import islice
from typing import Any

from django.db import connection

from activities import participations
from activities.models import (
    Activity,
    ActivityAgency,
    ActivityCountry,
    ActivitySubdivision,
    ActivityTheme,
)
from imports.places import NONE, PLACE_SETS
from imports.rows import TOOL_FIELDS

# Each set of links an import writes with history: its model and the linked column.
LINKS = {
    "countries": (ActivityCountry, "country_id"),
    "subdivisions": (ActivitySubdivision, "subdivision_id"),
    "themes": (ActivityTheme, "theme_id"),
}

LOAD_CHUNK = 5000
TIMESTAMPS = ("created_at", "updated_at")


@dataclass(slots=True)
class Current:
    """An activity as stored, with its agencies, tools, countries, places and themes."""

    activity: Any  # an Activity, or its columns as a StoredActivity
    roles: dict[int, str]  # agency id -> role
    links: list[participations.Link]
    tools: dict[str, frozenset[int]]
    places: dict[str, frozenset[int]]  # "countries", "subdivisions", "themes" -> ids


def load_current(references: list[str], *, lock: bool) -> dict[str, Current]:
    """The activities of these references, with their agencies, tools and places: 7 queries
    a chunk.

    On PostgreSQL the rows come as plain objects (their columns by attribute name) from
    queries taking the ids as one array: model instances and a placeholder per id cost
    seconds at 10,000 rows, and the import writes with its own bulk statements anyway.
    """
    found: dict[str, Current] = {}
    # One set per single link ({a country}, {a theme}), shared by the rows that have it.
    alone: dict[tuple[str, int], frozenset[int]] = {}
    refs = iter(references)
    while chunk := list(islice(refs, LOAD_CHUNK)):
        by_id = {}
        for activity in stored_activities(chunk, lock=lock):
            current = Current(
                activity,
                {},
                [],
                dict.fromkeys(TOOL_FIELDS, NONE),
                dict.fromkeys(PLACE_SETS, NONE),
            )
            by_id[activity.pk] = found[activity.reference] = current
        ids = list(by_id)
        links = rows_of(ActivityAgency, ("id", "activity_id", "agency_id", "role"), ids)
        for pk, activity_id, agency_id, role in links:
            by_id[activity_id].roles[agency_id] = role
            by_id[activity_id].links.append((pk, agency_id, role))
        for name in TOOL_FIELDS:
            sets: dict[int, set[int]] = defaultdict(set)
            through = getattr(Activity, name).through
            for activity_id, tool_id in rows_of(through, ("activity_id", "tool_id"), ids):
                sets[activity_id].add(tool_id)
            for activity_id, tools in sets.items():
                by_id[activity_id].tools[name] = frozenset(tools)
        for name, (model, column) in LINKS.items():
            sets = defaultdict(set)
            for activity_id, linked in rows_of(model, ("activity_id", column), ids):
                sets[activity_id].add(linked)
            for activity_id, linked in sets.items():
                if len(linked) == 1:
                    [pk] = linked
                    shared = alone.setdefault((name, pk), frozenset(linked))
                    by_id[activity_id].places[name] = shared
                else:
                    by_id[activity_id].places[name] = frozenset(linked)
        for current in by_id.values():
            # A one-country row written in bulk without its coverage row covers its country
            # all the same (activities.places.covered_countries reads it so).
            if not current.places["countries"] and current.activity.country_id:
                pk = current.activity.country_id
                current.places["countries"] = alone.setdefault(("countries", pk), frozenset([pk]))
    return found


def stored_activities(references: list[str], *, lock: bool) -> list[Any]:
    """The activities with these references, locked for the transaction if asked."""
    if connection.vendor != "postgresql":
        activities = Activity.objects.filter(reference__in=references).order_by()
        if lock:
            activities = activities.select_for_update(of=("self",))
        return list(activities)
    # Not the timestamps: reading 20,000 of them is a second, and the import needs none.
    fields = [f for f in Activity._meta.concrete_fields if f.name not in TIMESTAMPS]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(Activity._meta.db_table)
    sql = f"SELECT {columns} FROM {table} WHERE reference = ANY(%s)"
    with connection.cursor() as cursor:
        cursor.execute(sql + (" FOR UPDATE" if lock else ""), [references])
        stored = stored_activity_class(tuple(field.attname for field in fields))
        return [stored(*row) for row in cursor]


@cache
def stored_activity_class(names: tuple[str, ...]) -> type:
    """A class of an activity's stored columns by attribute name (see load_current), with
    slots: a large import holds 100,000 of them, and a dict per activity was the larger
    part of each. `updated_at` is not read but set by the apply (imports.apply)."""
    return make_dataclass(
        "StoredActivity",
        [*names, ("updated_at", Any, field(default=None))],
        slots=True,
        eq=False,
        namespace={"pk": property(lambda activity: activity.id)},
    )


def rows_of(model: Any, columns: tuple[str, ...], activity_ids: list[int]) -> list[tuple]:
    """`columns` of the model's rows for these activities (one array parameter)."""
    if not activity_ids:
        return []
    if connection.vendor != "postgresql":
        return list(model.objects.filter(activity_id__in=activity_ids).values_list(*columns))
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {quoted} FROM {table} WHERE activity_id = ANY(%s)", [activity_ids])
        return cursor.fetchall()


def deleted_references(references: list[str]) -> dict[str, str]:
    """Reference -> the day it was deleted, for those of `references` the hub deleted."""
    if not references:
        return {}
    records = Activity.history.filter(reference__in=references, history_type="-")
    return {
        reference: when.date().isoformat()
        for reference, when in records.order_by("history_date").values_list(
            "reference", "history_date"
        )
    }
