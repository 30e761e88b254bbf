"""Each group's latest row (a country's current status, an object's record as of a date),
written once for both databases the hub runs on."""

from __future__ import annotations

from django.db import connections
from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber


def first_of_each(queryset: QuerySet, group: str, *order: str) -> QuerySet:
    """The first row of each `group` in `order` ("-since" for the latest): PostgreSQL's
    DISTINCT ON; elsewhere (SQLite, for `make run`) a window's row number, filtered."""
    if connections[queryset.db].features.can_distinct_on_fields:
        return queryset.order_by(group, *order).distinct(group)
    ordering = [F(name[1:]).desc() if name.startswith("-") else F(name).asc() for name in order]
    rank = Window(RowNumber(), partition_by=[F(group)], order_by=ordering)
    return queryset.annotate(first_of_group=rank).filter(first_of_group=1)
