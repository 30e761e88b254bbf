"""What restoring an earlier version of an activity would change, shown before it is done."""

from dataclasses import dataclass

from django.db import models

from activities.models import Activity
from activities.versions import (
    HIDDEN_FIELDS,
    FieldChange,
    _agency_changes,
    _Labels,
    _links_as_of,
)
from agencies.models import Agency


@dataclass(frozen=True)
class RestorePreview:
    record: models.Model  # the historical record that would come back
    changes: list[FieldChange]  # from the current value to the restored one
    agency_changes: list[str]

    @property
    def changes_nothing(self) -> bool:
        return not self.changes and not self.agency_changes


def restore_preview(activity: Activity, history_id: int) -> RestorePreview:
    """The fields, agencies and roles that restoring `history_id` would change, from the
    activity as it is now. Raises Activity.history.model.DoesNotExist for a history id of
    another activity (like restore_version)."""
    record = activity.history.get(history_id=history_id)
    labels = _Labels([record, activity])
    changes = []
    for model_field in Activity._meta.concrete_fields:
        attname = model_field.attname
        if model_field.primary_key or model_field.name in HIDDEN_FIELDS:
            continue
        now, then = getattr(activity, attname), getattr(record, attname)
        if now != then:
            changes.append(
                FieldChange(
                    labels.label(attname), labels.value(attname, now), labels.value(attname, then)
                )
            )
    wanted = _links_as_of(activity, record)
    current = dict(activity.participations.values_list("agency_id", "role"))
    names = dict(Agency.objects.filter(pk__in={*wanted, *current}).values_list("pk", "acronym"))
    agency_changes = _agency_changes(
        {pk: (names.get(pk, f"#{pk}"), role) for pk, role in current.items()},
        {pk: (names.get(pk, f"#{pk}"), role) for pk, role in wanted.items()},
    )
    return RestorePreview(record, changes, agency_changes)
