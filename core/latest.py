"""Each group's latest row (a country's current status, an object's record as of a date),
written once for both databases the hub runs on."""

from __future__ import annotations

import datetime
from typing import Any

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


def latest_records(model: Any, when: datetime.datetime, **among: Any) -> QuerySet:
    """Each object's latest historical record up to `when`, deletions left out.

    `among` narrows the objects before their latest record is picked (activity_id__in=...
    for the links of a page's rows): a field that never changes, so the answer is the same
    and only those objects' records are sorted."""
    records = model.objects.filter(history_date__lte=when, **among)
    latest = first_of_each(records, "id", "-history_date", "-history_id").values("history_id")
    return model.objects.filter(history_id__in=latest, **among).exclude(history_type="-")
