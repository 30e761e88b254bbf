"""What changed in the matrix between two moments (two rounds' closes, or two dates): rows
new, closed, deleted and changed, each change with its field, old and new values and who
made it; read from the history (django-simple-history), a fixed number of queries whatever
the number of rows.

A field counts as changed when its value at the end differs from its value at the start
(a change undone in between is no change); "who" is the last person who changed it in the
window. The agencies and their roles are one more field, "Agencies".
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from activities.as_of import PastActivity, PastLink
from activities.models import Activity, ActivityStatus, Role
from activities.versions import HIDDEN_FIELDS, _Labels
from agencies.models import Agency
from countries.models import Country

FIELDS = [
    f.attname
    for f in Activity._meta.concrete_fields
    if not f.primary_key and f.name not in HIDDEN_FIELDS
]


class Kind:
    NEW = "new"
    CLOSED = "closed"
    CHANGED = "changed"
    DELETED = "deleted"


def kind_labels() -> dict[str, str]:
    return {
        Kind.NEW: _("new"),
        Kind.CLOSED: _("closed"),
        Kind.CHANGED: _("changed"),
        Kind.DELETED: _("deleted"),
    }


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str
    who: str
    when: datetime.datetime | None


@dataclass
class RowChange:
    kind: str
    kind_label: str
    activity_id: int
    reference: str
    title: str
    country: str
    agencies: list[str]  # acronyms at the end (at the start, for a deleted row)
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class Changes:
    since: datetime.datetime
    until: datetime.datetime
    rows: list[RowChange]

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(kind_labels(), 0)
        for row in self.rows:
            found[row.kind] += 1
        return found

    def by_agency(self) -> list[tuple[str, list[RowChange]]]:
        groups: dict[str, list[RowChange]] = defaultdict(list)
        for row in self.rows:
            for acronym in row.agencies or ["—"]:
                groups[acronym].append(row)
        return sorted(groups.items(), key=lambda item: item[0].lower())

    def by_country(self) -> list[tuple[str, list[RowChange]]]:
        groups: dict[str, list[RowChange]] = defaultdict(list)
        for row in self.rows:
            groups[row.country].append(row)
        return sorted(groups.items())


def _who(user_id: int | None, names: dict[int, str]) -> str:
    return names.get(user_id, "") if user_id else _("someone (no user recorded)")


def _roles_text(roles: dict[int, str], acronyms: dict[int, str]) -> str:
    rank = {role: index for index, role in enumerate(Role.values)}
    labels = {value: str(label).lower() for value, label in Role.choices}
    pairs = sorted(roles.items(), key=lambda item: (rank.get(item[1], 9), acronyms.get(item[0])))
    return "; ".join(f"{acronyms.get(pk, pk)} ({labels.get(role, role)})" for pk, role in pairs)


def changes_between(since: datetime.datetime, until: datetime.datetime) -> Changes:
    """Every row that changed after `since` up to `until`, a fixed number of queries
    whatever the number of rows: which rows moved (two), then their whole history up to
    `until`, read once in order, gives their state at `since`, their steps in the window
    and their state at `until` (one for the activities, one for their agencies)."""
    window = {"history_date__gt": since, "history_date__lte": until}
    touched = set(PastActivity.objects.filter(**window).values_list("id", flat=True))
    touched |= set(PastLink.objects.filter(**window).values_list("activity_id", flat=True))
    touched = list(touched)
    values = ["id", "history_date", "history_user_id", "history_type", "reference", *FIELDS]
    before: dict[int, dict | None] = {}
    after: dict[int, dict | None] = {}
    steps: dict[int, list[dict]] = defaultdict(list)
    records = (
        PastActivity.objects.filter(id__in=touched, history_date__lte=until)
        .order_by("id", "history_date", "history_id")
        .values(*values)
    )
    for row in records:
        state = None if row["history_type"] == "-" else row
        if row["history_date"] <= since:
            before[row["id"]] = state
        else:
            steps[row["id"]].append(row)
        after[row["id"]] = state
    links_before: dict[int, tuple | None] = {}
    links_after: dict[int, tuple | None] = {}
    link_who: dict[int, tuple[int | None, datetime.datetime]] = {}
    link_records = (
        PastLink.objects.filter(activity_id__in=touched, history_date__lte=until)
        .order_by("history_date", "history_id")
        .values_list(
            "id",
            "activity_id",
            "agency_id",
            "role",
            "history_type",
            "history_date",
            "history_user_id",
        )
    )
    for link_id, activity_id, agency_id, role, kind, when, user_id in link_records:
        state = None if kind == "-" else (activity_id, agency_id, role)
        if when <= since:
            links_before[link_id] = state
        else:
            link_who[activity_id] = (user_id, when)
        links_after[link_id] = state
    return Changes(
        since,
        until,
        _rows(
            {pk: row for pk, row in before.items() if row is not None},
            {pk: row for pk, row in after.items() if row is not None},
            steps,
            _roles(links_before),
            _roles(links_after),
            link_who,
        ),
    )


def _roles(links: dict[int, tuple | None]) -> dict[int, dict[int, str]]:
    """{activity id: {agency id: role}} of the links' states (deleted ones left out)."""
    found: dict[int, dict[int, str]] = defaultdict(dict)
    for state in links.values():
        if state is not None:
            activity_id, agency_id, role = state
            found[activity_id][agency_id] = role
    return found


def _rows(before, after, steps, roles_before, roles_after, link_who) -> list[RowChange]:
    records = [*before.values(), *after.values()]
    labels = _Labels([_Record(row) for row in records])
    user_ids = {row["history_user_id"] for rows in steps.values() for row in rows}
    user_ids |= {user_id for user_id, _when in link_who.values()}
    names = _user_names(user_ids - {None})
    agency_ids = {pk for roles in (*roles_before.values(), *roles_after.values()) for pk in roles}
    acronyms = dict(Agency.objects.filter(pk__in=agency_ids).values_list("pk", "acronym"))
    countries = {
        pk: str(country)
        for pk, country in (
            (c.pk, c) for c in Country.objects.filter(pk__in={r["country_id"] for r in records})
        )
    }
    kinds = kind_labels()
    found = []
    for activity_id in sorted(set(before) | set(after)):
        start, end = before.get(activity_id), after.get(activity_id)
        last = end or start
        if start is None:
            kind = Kind.NEW
        elif end is None:
            kind = Kind.DELETED
        elif end["status"] == ActivityStatus.COMPLETED != start["status"]:
            kind = Kind.CLOSED
        else:
            kind = Kind.CHANGED
        roles = roles_after[activity_id] if end is not None else roles_before[activity_id]
        row = RowChange(
            kind=kind,
            kind_label=str(kinds[kind]),
            activity_id=activity_id,
            reference=last.get("reference", "") or "",
            title=last["title"],
            country=countries.get(last["country_id"], ""),
            agencies=sorted(acronyms.get(pk, str(pk)) for pk in roles),
        )
        if start is not None and end is not None:
            row.fields = _field_changes(start, end, steps[activity_id], labels, names)
        elif start is None:
            row.fields = _field_changes({}, end, steps[activity_id], labels, names)
        old_roles, new_roles = roles_before[activity_id], roles_after[activity_id]
        if old_roles != new_roles and end is not None:
            user_id, when = link_who.get(activity_id, (None, None))
            row.fields.append(
                FieldChange(
                    _("Agencies"),
                    _roles_text(old_roles, acronyms) or "—",
                    _roles_text(new_roles, acronyms) or "—",
                    _who(user_id, names),
                    when,
                )
            )
        if kind == Kind.CHANGED and not row.fields:
            continue  # changed and changed back: nothing to report
        found.append(row)
    return sorted(found, key=lambda r: (r.country, r.title, r.activity_id))


def _field_changes(start, end, steps, labels, names) -> list[FieldChange]:
    """Each field whose value differs between `start` and `end`, with who last changed it."""
    last_change: dict[str, tuple[int | None, datetime.datetime]] = {}
    previous = start
    for step in steps:
        for name in FIELDS:
            if previous.get(name) != step[name]:
                last_change[name] = (step["history_user_id"], step["history_date"])
        previous = step
    changes = []
    for name in FIELDS:
        old, new = start.get(name), end[name]
        if old == new or (not start and new in ("", None, False)):
            continue
        user_id, when = last_change.get(name, (end["history_user_id"], end["history_date"]))
        changes.append(
            FieldChange(
                labels.label(name),
                labels.value(name, old) if start else "—",
                labels.value(name, new),
                _who(user_id, names),
                when,
            )
        )
    return changes


class _Record:
    """The two attributes activities.versions._Labels reads from a historical record."""

    def __init__(self, row: dict) -> None:
        self.country_id = row["country_id"]
        self.focal_point_id = row["focal_point_id"]


def _user_names(ids: set[int]) -> dict[int, str]:
    from django.contrib.auth.models import User

    return {
        user.pk: user.get_full_name() or user.get_username()
        for user in User.objects.filter(pk__in=ids).only("first_name", "last_name", "username")
    }
