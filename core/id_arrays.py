"""Long lists of ids in a query, as one parameter.

`field__in=[...]` writes a placeholder per id: for the 10,000 or 100,000 activities of an
import, Django, psycopg and PostgreSQL each handle that many parameters (a second and a
half at 100,000). On PostgreSQL, `among(ids)` passes them as one array instead.
"""

from collections.abc import Iterable
from typing import Any

from django.db import connection
from django.db.models.expressions import RawSQL

# Fewer ids than this are written as usual (the plan of a short list stays the familiar one).
LONG = 1000


def among(ids: Iterable[int]) -> Any:
    """The right side of `field__in=` for these ids: the ids themselves, or (a long list,
    on PostgreSQL) a subquery unnesting them from one array parameter."""
    ids = list(ids)
    if connection.vendor != "postgresql" or len(ids) < LONG:
        return ids
    return RawSQL("SELECT unnest(%s::bigint[])", [ids])
