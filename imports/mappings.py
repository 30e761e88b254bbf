"""Column mappings kept for next time: a person's answer to the mapping step, offered again
for a file with the same headers, to them or to anyone of their agency."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.models import Case, IntegerField, Q, Value, When

from accounts.roles import agency_ids
from core.names import name_key
from imports.columns import IMPORTED_FIELDS, Column
from imports.models import ImportMapping


def signature(columns: list[Column]) -> str:
    """The file's headers and hashtags as name keys: the same for the same kind of file."""
    text = "|".join(f"{name_key(column.header)}#{column.tag.lower()}" for column in columns)
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


def saved_fields(user: Any, columns: list[Column]) -> list[str] | None:
    """The fields saved for files like this one: the person's own, else their agency's."""
    mine = agency_ids(user)
    found = (
        ImportMapping.objects.filter(signature=signature(columns))
        .filter(Q(user=user) | Q(agency_id__in=mine))
        .annotate(
            own=Case(When(user=user, then=Value(0)), default=Value(1), output_field=IntegerField())
        )
        .order_by("own", "-updated_at")
        .first()
    )
    if found is None or len(found.fields) != len(columns):
        return None
    if any(name and name not in IMPORTED_FIELDS for name in found.fields):
        return None  # saved by an older version of the hub's fields
    return list(found.fields)


def remember(user: Any, columns: list[Column], fields: list[str]) -> None:
    mine = sorted(agency_ids(user))
    ImportMapping.objects.update_or_create(
        user=user,
        signature=signature(columns),
        defaults={
            "agency_id": mine[0] if len(mine) == 1 else None,
            "headers": [column.header for column in columns],
            "fields": fields,
        },
    )
