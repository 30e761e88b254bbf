"""The places and themes of an activity's past versions (activities.versions reads them):
its countries, the places inside them and its themes live in link tables with a history
of their own (activities.place_models). As for the agencies, a version is taken to include
the link changes saved with it: those after it and before the next version of the activity.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.db import models
from django.utils.translation import gettext as _

from activities.models import Activity, ActivityCountry, ActivitySubdivision, ActivityTheme
from core.names import sort_key
from core.translations import translated

# (link model, its target's field, how the target is shown)
LINKS = {
    "countries": (ActivityCountry, "country", str),
    "subdivisions": (ActivitySubdivision, "subdivision", str),
    "themes": (ActivityTheme, "theme", lambda theme: translated(theme, "name")),
}


def _labels() -> dict[str, str]:
    return {"countries": _("Countries"), "subdivisions": _("Places"), "themes": _("Themes")}


def place_states(
    activity: Activity, records: Sequence[models.Model]
) -> list[dict[str, frozenset[tuple[int, str]]]]:
    """For each historical record of the activity (oldest first): the countries, places and
    themes saved with that version, as (id, name) sets. Three queries."""
    states: list[dict[str, frozenset[tuple[int, str]]]] = [{} for _record in records]
    for kind, (model, target, show) in LINKS.items():
        changes = list(
            model.history.filter(activity_id=activity.pk)
            .select_related(target)
            .order_by("history_date", "history_id")
        )
        present: dict[int, tuple[int, str]] = {}  # link id -> (target id, name)
        at = 0
        for index, _record in enumerate(records):
            boundary = records[index + 1].history_date if index + 1 < len(records) else None
            while at < len(changes) and (boundary is None or changes[at].history_date < boundary):
                change = changes[at]
                if change.history_type == "-":
                    present.pop(change.id, None)
                else:
                    linked = getattr(change, target)
                    present[change.id] = (linked.pk, show(linked))
                at += 1
            states[index][kind] = frozenset(present.values())
    return states


def _shown(items: frozenset[tuple[int, str]]) -> str:
    return ", ".join(sorted((name for _pk, name in items), key=sort_key)) or "—"


def place_changes(
    before: dict[str, frozenset[tuple[int, str]]], after: dict[str, frozenset[tuple[int, str]]]
) -> list[tuple[str, str, str]]:
    """(label, old, new) for the lists that differ between two versions."""
    labels = _labels()
    return [
        (labels[kind], _shown(before.get(kind, frozenset())), _shown(after[kind]))
        for kind in LINKS
        if before.get(kind, frozenset()) != after[kind]
    ]


def places_as_of(activity: Activity, when: datetime.datetime) -> dict[str, list[int]]:
    """The ids of the countries, places and themes the activity had at `when`."""
    return {
        kind: list(
            model.history.as_of(when)
            .filter(activity_id=activity.pk)
            .values_list(f"{target}_id", flat=True)
        )
        for kind, (model, target, _show) in LINKS.items()
    }
