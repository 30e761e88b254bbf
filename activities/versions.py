"""An activity's past versions, readable by people, and restoring one of them.

The activity's own history (django-simple-history) records its fields; the agencies and
their roles live in ActivityAgency, which has a history of its own. A version of the
activity is taken to include the agency changes saved with it: those made after it and
before the next version of the activity (forms save the activity first, then its agencies).
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from activities.concurrency import save_activity
from activities.models import Activity, ActivityAgency, Role
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
    """Every version of the activity, newest first, with what changed (four queries)."""
    records = list(
        activity.history.select_related("history_user").order_by("history_date", "history_id")
    )
    links = list(
        ActivityAgency.history.filter(activity_id=activity.pk)
        .select_related("agency")
        .order_by("history_date", "history_id")
    )
    labels = _Labels(records)
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
                changes=_diff(record, records[index - 1], labels) if index else [],
                agency_changes=_agency_changes(state, new_state),
            )
        )
        state = new_state
    if versions:
        versions[-1].is_current = True
    versions.reverse()
    return versions


def _links_as_of(activity: Activity, record: models.Model) -> dict[int, str]:
    """The agencies and roles saved with that version: {agency id: role}."""
    later = (
        activity.history.filter(history_date__gt=record.history_date)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    when = later - ONE_MICROSECOND if later else timezone.now()
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

    def restore_links() -> None:
        wanted = _links_as_of(activity, record)
        current = {link.agency_id: link for link in activity.participations.all()}
        for agency_id, link in current.items():
            if agency_id not in wanted:
                link._change_reason, link._history_user = reason, user
                link.delete()
        # Demote before promoting: an activity has at most one lead at any moment.
        changed = [
            (link, wanted[agency_id])
            for agency_id, link in current.items()
            if agency_id in wanted and link.role != wanted[agency_id]
        ]
        changed.sort(key=lambda pair: pair[1] == Role.LEAD)
        for link, role in changed:
            link.role = role
            link._change_reason, link._history_user = reason, user
            link.save(update_fields=["role"])
        for agency_id, role in sorted(wanted.items(), key=lambda item: item[1] == Role.LEAD):
            if agency_id not in current:
                new = ActivityAgency(activity=activity, agency_id=agency_id, role=role)
                new._change_reason, new._history_user = reason, user
                new.save()

    with transaction.atomic():
        version = activity.version if based_on_version is None else based_on_version
        save_activity(activity, version, restore_links)
    return activity
