"""The matrix as it was at a moment: read from the history the hub keeps
(django-simple-history), never from the rows as they are now.

A past state is the latest historical record of each activity (and of each agency link)
saved up to the moment, unless that record is a deletion: one query per table, whatever the
number of rows (`DISTINCT ON (id) ... WHERE history_date <= t ORDER BY id, history_date
DESC`), and the matrix's filters and sorts applied to it in SQL. The tools an activity uses
or needs have no history: a past view shows them as they are today, and says so.

`?as_of=` takes a day (YYYY-MM-DD: the matrix at the end of that day, in the site's time
zone) or a moment (an ISO date and time, as a round's close gives: its permanent link).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import Min, Q, QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from activities.filters import AGENCY_ROLES, MAX_SEARCH_WORDS, ActivityFilterSet
from activities.models import GUARANTEE_FIELDS, Activity, ActivityAgency, Role, running_in
from activities.place_cells import NO_PLACES, past_places_by_activity
from activities.resources import (
    EXPORT_VALUES,
    NO_NAMES,
    TOOL_COLUMNS,
    ActivityResource,
    ExportRecord,
)
from agencies.models import FocalPoint
from core.latest import latest_records
from core.resources import join_list
from core.search import contains_folded
from countries.models import Country

PastActivity = Activity.history.model
PastLink = ActivityAgency.history.model


class AsOfError(ValueError):
    """An `as_of` the hub cannot show: the message says why, for the page or the download."""


@dataclass(frozen=True)
class Moment:
    when: datetime.datetime
    label: str  # as people read it

    @property
    def query_value(self) -> str:
        return self.when.isoformat()


def parse_as_of(value: str) -> Moment:
    """The moment `value` names (a day: its end), refused with a clear message when it is
    not a date, lies in the future or comes before the hub's first record."""
    value = value.strip()
    moment = parse_datetime(value) if "T" in value or " " in value else None
    try:
        day = None if moment else parse_date(value)
    except ValueError:
        day = None
    if moment is None and day is None:
        raise AsOfError(
            _("“%(value)s” is not a date: write it as YYYY-MM-DD, e.g. 2012-05-31.")
            % {"value": value}
        )
    if moment is None:
        end = datetime.datetime.combine(day, datetime.time.max)
        moment = timezone.make_aware(end)
        label = date_format(day, "DATE_FORMAT")
    else:
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        label = date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    if moment > timezone.now() + datetime.timedelta(days=1):
        raise AsOfError(
            _("%(date)s is in the future: the matrix has no record of it yet.") % {"date": label}
        )
    first = PastActivity.objects.aggregate(first=Min("history_date"))["first"]
    if first is None or moment < first:
        since = date_format(timezone.localtime(first), "DATE_FORMAT") if first else "—"
        raise AsOfError(
            _(
                "The hub has no record before %(first)s: the matrix as of %(date)s cannot be "
                "shown. Pick a later date."
            )
            % {"first": since, "date": label}
        )
    return Moment(moment, label)


def past_activities(when: datetime.datetime) -> QuerySet:
    return latest_records(PastActivity, when)


def past_links(when: datetime.datetime) -> QuerySet:
    return latest_records(PastLink, when)


def filter_past(rows: QuerySet, filterset: ActivityFilterSet, when: datetime.datetime) -> QuerySet:
    """The matrix's filters, read from a valid filter set, on past records."""
    data = filterset.form.cleaned_data
    if data.get("country"):
        rows = rows.filter(country__code__in=data["country"])
    if data.get("region"):
        rows = rows.filter(country__region=data["region"])
    if data.get("type"):
        rows = rows.filter(activity_type=data["type"])
    if data.get("status"):
        rows = rows.filter(status=data["status"])
    if data.get("guarantee"):
        rows = rows.filter(**{GUARANTEE_FIELDS[data["guarantee"]]: True})
    if data.get("year"):
        rows = rows.filter(running_in(data["year"]))
    if data.get("started"):
        rows = rows.filter(start_date__year=data["started"])
    if data.get("ending"):
        rows = rows.filter(end_date__year=data["ending"])
    if data.get("agency"):
        _label, roles = AGENCY_ROLES[data.get("agency_role") or "any"]
        links = past_links(when).filter(
            agency_id__in=[filterset.agency_ids[acronym] for acronym in data["agency"]]
        )
        if roles:
            links = links.filter(role__in=roles)
        rows = rows.filter(id__in=links.values("activity_id"))
    for word in (data.get("q") or "").split()[:MAX_SEARCH_WORDS]:
        rows = rows.filter(
            Q(contains_folded("title", word))
            | Q(contains_folded("description", word))
            | Q(reference__icontains=word)
            | Q(contains_folded("country__name", word))
        )
    return rows


def agencies_by_activity(when: datetime.datetime, ids: Iterable[int]) -> dict[int, list]:
    """(role, acronym) pairs of each activity at `when`, lead first: one query."""
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    ids = list(ids)
    rows = latest_records(PastLink, when, activity_id__in=ids).values_list(
        "activity_id", "role", "agency__acronym"
    )
    rank = {role: index for index, role in enumerate(Role.values)}
    for activity_id, role, acronym in sorted(rows, key=lambda r: (rank.get(r[1], 9), r[2])):
        found[activity_id].append((role, acronym))
    return found


class PastActivityResource(ActivityResource):
    """The matrix's download of a past state: the same columns, read from the history."""

    def __init__(self, when: datetime.datetime, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.when = when

    def iter_objects(self, queryset: QuerySet) -> Iterator[Any]:
        return past_records(queryset, self.when)


def past_records(rows: QuerySet, when: datetime.datetime) -> Iterator[ExportRecord]:
    """Past records as the export reads activities (see activities.resources): eight
    queries in all. The version column is the version of that moment; "last updated" the
    moment of that version; the countries, places and themes those of that moment."""
    values = [
        "id" if name == "pk" else "history_date" if name == "updated_at" else name
        for name in EXPORT_VALUES
    ]
    found = list(rows.values_list(*values))
    ids = [row[0] for row in found]
    places = past_places_by_activity(when, ids)
    country_at = EXPORT_VALUES.index("country_id")
    wanted = {row[country_at] for row in found} | {
        pk for links in places.values() for pk in links.countries
    }
    countries = {c.pk: c for c in Country.objects.filter(pk__in=wanted)}
    at = EXPORT_VALUES.index("focal_point_id")
    people = FocalPoint.objects.filter(pk__in={row[at] for row in found if row[at]})
    people = {person.pk: person for person in people.only("name", "email", "phone")}
    names: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for activity_id, pairs in agencies_by_activity(when, ids).items():
        for role, acronym in pairs:
            names[activity_id][role].append(acronym)
    for column in TOOL_COLUMNS:
        through = getattr(Activity, column).through
        tools = through.objects.filter(activity_id__in=ids).order_by("tool__name")
        for activity_id, tool in tools.values_list("activity_id", "tool__name"):
            names[activity_id][column].append(tool)
    for row in found:
        cells = {**NO_NAMES, **{k: join_list(v) for k, v in names.get(row[0], {}).items()}}
        yield ExportRecord(
            *row,
            countries.get(row[country_at]),
            people.get(row[at]),
            cells,
            places.get(row[0], NO_PLACES),
            countries,
        )
