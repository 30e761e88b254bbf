"""An activity's past versions, readable by people, and restoring one of them.

The activity's own history (django-simple-history) records its fields; the agencies and
their roles live in ActivityAgency, which has a history of its own. A version of the
activity is taken to include the agency changes saved with it: those made after it and
before the next version of the activity (forms save the activity first, then its agencies).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from activities import participations
from activities.concurrency import save_activity
from activities.models import Activity, ActivityAgency, ActivityCountry, Role
from activities.place_models import ActivitySubdivision, ActivityTheme, link_exactly
from activities.place_versions import place_changes, place_states, places_as_of
from agencies.models import FocalPoint
from countries.models import Country

# Never shown as a change: bookkeeping, not content.
HIDDEN_FIELDS = ("version", "updated_at", "created_at", "reference")
ONE_MICROSECOND = datetime.timedelta(microseconds=1)


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class Version:
    record: models.Model  # Activity's historical record
    who: str
    when: datetime.datetime
    kind: str
    reason: str
    changes: list[FieldChange] = field(default_factory=list)
    agency_changes: list[str] = field(default_factory=list)
    is_current: bool = False

    @property
    def history_id(self) -> int:
        return self.record.history_id


def _who(record: models.Model) -> str:
    user = record.history_user
    if user is None:
        return _("someone (no user recorded)")
    return user.get_full_name() or user.get_username()


class _Labels:
    """Turns stored values into what people read: choice labels, names, local dates."""

    def __init__(self, records: list[models.Model]) -> None:
        self.fields = {f.attname: f for f in Activity._meta.concrete_fields}
        countries = {r.country_id for r in records}
        focal_points = {r.focal_point_id for r in records if r.focal_point_id}
        self.names = {
            "country_id": {c.pk: str(c) for c in Country.objects.filter(pk__in=countries)},
            "focal_point_id": {
                fp.pk: f"{fp.name} ({fp.agency})"
                for fp in FocalPoint.objects.filter(pk__in=focal_points).select_related("agency")
            },
        }

    def label(self, attname: str) -> str:
        return str(self.fields[attname].verbose_name)

    def value(self, attname: str, value: object) -> str:
        if value is None or value == "":
            return "—"
        model_field = self.fields[attname]
        if attname in self.names:
            return self.names[attname].get(value, f"#{value}")
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, datetime.date | datetime.datetime):
            return formats.date_format(value, "DATE_FORMAT")
        return str(value)


def _diff(record: models.Model, previous: models.Model, labels: _Labels) -> list[FieldChange]:
    delta = record.diff_against(previous, excluded_fields=list(HIDDEN_FIELDS))
    attnames = {f.name: f.attname for f in Activity._meta.concrete_fields}
    changes = []
    for change in delta.changes:
        attname = attnames.get(change.field, change.field)
        if attname not in labels.fields:
            continue
        changes.append(
            FieldChange(
                label=labels.label(attname),
                old=labels.value(attname, change.old),
                new=labels.value(attname, change.new),
            )
        )
    return changes


def _role_label(role: str) -> str:
    return str(Role(role).label) if role in Role.values else role


def _agency_changes(
    before: dict[int, tuple[str, str]], after: dict[int, tuple[str, str]]
) -> list[str]:
    """Sentences for agencies added, removed or given another role between two states."""
    lines = []
    for agency_id, (name, role) in sorted(after.items(), key=lambda item: item[1]):
        words = {"agency": name, "role": _role_label(role)}
        if agency_id not in before:
            lines.append(_("%(agency)s added as %(role)s") % words)
        elif before[agency_id][1] != role:
            words["old"] = _role_label(before[agency_id][1])
            lines.append(_("%(agency)s: %(old)s → %(role)s") % words)
    for agency_id, (name, role) in sorted(before.items(), key=lambda item: item[1]):
        if agency_id not in after:
            words = {"agency": name, "role": _role_label(role)}
            lines.append(_("%(agency)s removed (was %(role)s)") % words)
    return lines


def versions_of(activity: Activity) -> list[Version]:
    """Every version of the activity, newest first, with what changed, its countries,
    places and themes included (seven queries)."""
    records = list(
        activity.history.select_related("history_user").order_by("history_date", "history_id")
    )
    links = list(
        ActivityAgency.history.filter(activity_id=activity.pk)
        .select_related("agency")
        .order_by("history_date", "history_id")
    )
    labels = _Labels(records)
    places = place_states(activity, records)
    kinds = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}
    versions: list[Version] = []
    by_link: dict[int, tuple[int, tuple[str, str]]] = {}  # link id -> (agency id, (name, role))
    state: dict[int, tuple[str, str]] = {}
    next_link = 0
    for index, record in enumerate(records):
        boundary = records[index + 1].history_date if index + 1 < len(records) else None
        while next_link < len(links) and (
            boundary is None or links[next_link].history_date < boundary
        ):
            link = links[next_link]
            if link.history_type == "-":
                by_link.pop(link.id, None)
            else:
                by_link[link.id] = (link.agency_id, (str(link.agency), link.role))
            next_link += 1
        new_state = dict(by_link.values())
        versions.append(
            Version(
                record=record,
                who=_who(record),
                when=record.history_date,
                kind=str(kinds.get(record.history_type, record.history_type)),
                reason=record.history_change_reason or "",
                changes=(
                    _diff(record, records[index - 1], labels)
                    + [FieldChange(*c) for c in place_changes(places[index - 1], places[index])]
                    if index
                    else []
                ),
                agency_changes=_agency_changes(state, new_state),
            )
        )
        state = new_state
    if versions:
        versions[-1].is_current = True
    versions.reverse()
    return versions


def _saved_with(activity: Activity, record: models.Model) -> datetime.datetime:
    """The last moment of that version: the links written then are saved with it."""
    later = (
        activity.history.filter(history_date__gt=record.history_date)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    return later - ONE_MICROSECOND if later else timezone.now()


def _links_as_of(activity: Activity, record: models.Model) -> dict[int, str]:
    """The agencies and roles saved with that version: {agency id: role}."""
    when = _saved_with(activity, record)
    links = ActivityAgency.history.as_of(when).filter(activity_id=activity.pk)
    return {link.agency_id: link.role for link in links}


def restore_version(
    activity: Activity,
    history_id: int,
    user: AbstractBaseUser,
    based_on_version: int | None = None,
) -> Activity:
    """Bring back the fields and the agencies/roles of an earlier version, as a new version.

    Goes through save_activity (so the version is bumped and a stale page is refused) and
    is itself recorded in the history with the reason "Restored version of <date>".
    Raises Activity.history.model.DoesNotExist for a history id of another activity, and
    EditConflict when the activity moved on from `based_on_version` (the page's version).
    """
    record = activity.history.get(history_id=history_id)
    reason = _("Restored version of %(date)s") % {
        "date": formats.date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT")
    }
    for model_field in Activity._meta.concrete_fields:
        if model_field.primary_key or model_field.name in HIDDEN_FIELDS:
            continue
        setattr(activity, model_field.attname, getattr(record, model_field.attname))
    activity._change_reason = reason
    activity._history_user = user

    places = places_as_of(activity, _saved_with(activity, record))

    def restore_links() -> None:
        wanted = _links_as_of(activity, record)
        participations.set_roles(activity.pk, wanted, user=user, reason=reason)
        link_exactly(activity, ActivityCountry, places["countries"])
        link_exactly(activity, ActivitySubdivision, places["subdivisions"])
        link_exactly(activity, ActivityTheme, places["themes"])

    with transaction.atomic():
        version = activity.version if based_on_version is None else based_on_version
        save_activity(activity, version, restore_links)
    return activity


@dataclass(frozen=True)
class PastState:
    """An activity as it was at one of its versions: its fields and its agencies."""

    record: models.Model  # the historical record of that version
    roles: dict[int, str]  # agency id -> role


def states_at(wanted: dict[int, int]) -> dict[int, PastState]:
    """Activity id -> its state at the version `wanted` gives it, for those the history has.

    Two queries for any number of activities. As in versions_of, a version's agencies are
    those saved with it: the agency changes after it and before the next version.
    """
    records = defaultdict(list)
    history = Activity.history.filter(id__in=wanted).order_by("id", "history_date", "history_id")
    for record in history:
        records[record.id].append(record)
    boundaries: dict[int, tuple[models.Model, datetime.datetime | None]] = {}
    for activity_id, found in records.items():
        at = [index for index, record in enumerate(found) if record.version == wanted[activity_id]]
        if at:
            following = found[at[-1] + 1] if at[-1] + 1 < len(found) else None
            boundaries[activity_id] = (found[at[-1]], following.history_date if following else None)
    links: dict[int, dict[int, tuple[int, str]]] = defaultdict(dict)  # activity -> link -> ...
    states: dict[int, PastState] = {}
    changes = (
        ActivityAgency.history.filter(activity_id__in=boundaries)
        .order_by("history_date", "history_id")
        .values_list("activity_id", "id", "agency_id", "role", "history_type", "history_date")
    )
    for activity_id, link_id, agency_id, role, kind, when in changes:
        boundary = boundaries[activity_id][1]
        if boundary is not None and when >= boundary:
            continue
        if kind == "-":
            links[activity_id].pop(link_id, None)
        else:
            links[activity_id][link_id] = (agency_id, role)
    for activity_id, (record, _boundary) in boundaries.items():
        states[activity_id] = PastState(record, dict(links[activity_id].values()))
    return states
