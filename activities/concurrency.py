"""No lost updates: an edit made on an old version of an activity is refused.

Every form that edits an activity carries the version it was based on. Saving checks it
against the row, locked for the length of the transaction, and refuses the save when
someone else saved in between, telling the user what that person changed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from activities.models import Activity


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str
    who: str
    when: datetime


class EditConflict(Exception):
    """Someone saved the activity after the version this edit was based on."""

    def __init__(self, current: Activity, changes: list[FieldChange]) -> None:
        super().__init__(f"{current.reference} changed since version in the form")
        self.current = current
        self.changes = changes

    def message(self) -> str:
        if not self.changes:
            return _(
                "Someone else saved this activity while you were editing it. "
                "Your changes were not saved: review the current version and edit again."
            )
        parts = [
            _("%(field)s: “%(old)s” → “%(new)s” (%(who)s)")
            % {"field": c.field, "old": c.old, "new": c.new, "who": c.who}
            for c in self.changes
        ]
        return _(
            "Someone else saved this activity while you were editing it, so your changes "
            "were not saved. They changed: %(changes)s. Review and edit again."
        ) % {"changes": "; ".join(parts)}


def changes_since(activity: Activity, version: int) -> list[FieldChange]:
    """What was changed in the activity after `version`, field by field, from its history."""
    records = list(activity.history.filter(version__gte=version).order_by("history_date"))
    base = next((r for r in records if r.version == version), None)
    later = [r for r in records if r.version > version]
    if base is None or not later:
        return []
    latest = later[-1]
    delta = latest.diff_against(base)
    who = str(latest.history_user or _("someone"))
    fields = {f.name: f for f in Activity._meta.get_fields()}
    return [
        FieldChange(
            field=str(getattr(fields.get(change.field), "verbose_name", change.field)),
            old=str(change.old if change.old not in (None, "") else "—"),
            new=str(change.new if change.new not in (None, "") else "—"),
            who=who,
            when=latest.history_date,
        )
        for change in delta.changes
        if change.field != "version"
    ]


def lock_unchanged(pk: int | None, based_on_version: int) -> bool:
    """Lock the activity's row until the transaction ends and check nobody saved it since
    `based_on_version`. Raises EditConflict if someone did; False when there is no such row.
    Call inside transaction.atomic()."""
    stored = (
        Activity.objects.select_for_update(of=("self",))
        .filter(pk=pk)
        .values_list("version", flat=True)
        .first()
    )
    if stored is None:
        return False
    if stored != based_on_version:
        current = Activity.objects.get(pk=pk)
        raise EditConflict(current, changes_since(current, based_on_version))
    return True


def save_activity(
    activity: Activity,
    based_on_version: int,
    save_related: Callable[[], None] | None = None,
) -> None:
    """Save `activity` (and, in the same transaction, its related rows) unless it moved on.

    Raises EditConflict, with nothing written, when the stored version is not the one the
    edit started from.
    """
    with transaction.atomic():
        lock_unchanged(activity.pk, based_on_version)
        activity.version = based_on_version
        activity.save()
        if save_related is not None:
            save_related()
