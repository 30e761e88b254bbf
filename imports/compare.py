"""What an import would do: each row new, changed (which fields, old -> new), unchanged or
an error, worked out against the activities as stored, in a few queries for the whole file.

The same comparison serves the preview and the apply (which runs it again, on rows locked
for the transaction, so it writes exactly what is true at that moment).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.utils.translation import gettext as _

from accounts.permissions import agency_ids, is_secretariat
from activities.models import Activity, ActivityAgency, ActivityStatus, ActivityType, Role
from activities.resources import ROLE_COLUMNS
from imports.matching import Lookup
from imports.parsing import column_title
from imports.rows import BOOL_FIELDS, DATE_FIELDS, TEXT_FIELDS, TOOL_FIELDS, RowInput

SCALAR_FIELDS = (
    "country_id",
    "title",
    "description",
    "activity_type",
    "status",
    *BOOL_FIELDS,
    *DATE_FIELDS,
    "focal_point_id",
    "funding",
)
# The column a stored field is shown under in the preview.
COLUMN_OF = {"country_id": "country_code", "focal_point_id": "focal_point"}
ROLE_COLUMN_OF = {role: name for name, role in ROLE_COLUMNS.items()}
LOAD_CHUNK = 5000


@dataclass(slots=True)
class Current:
    """An activity as stored, with its agencies and tools."""

    activity: Activity
    roles: dict[int, str]  # agency id -> role
    link_ids: list[int]
    tools: dict[str, frozenset[int]]


@dataclass(slots=True)
class Planned:
    """A row that will be written: a new activity or the changes to an existing one."""

    row: RowInput
    current: Current | None
    fields: dict[str, Any]  # scalar field -> new value (all of them for a new activity)
    roles: dict[int, str] | None  # the activity's agencies after the import, when they change
    tools: dict[str, frozenset[int]]  # tool column -> new set, when it changes
    changes: list[list[str]]  # [column, old, new] for the preview


@dataclass
class Comparison:
    planned: list[Planned] = field(default_factory=list)
    unchanged: list[list[Any]] = field(default_factory=list)  # [row number, reference]
    errors: list[RowInput] = field(default_factory=list)


def normal(value: Any) -> Any:
    """Stored text as an import reads it back (trimmed, one kind of line break)."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value


def load_current(references: list[str], *, lock: bool) -> dict[str, Current]:
    """The activities of these references, with their agencies and tools: 4 queries a chunk."""
    found: dict[str, Current] = {}
    refs = iter(references)
    while chunk := list(islice(refs, LOAD_CHUNK)):
        activities = Activity.objects.filter(reference__in=chunk).order_by()
        if lock:
            activities = activities.select_for_update(of=("self",))
        by_id = {}
        for activity in activities:
            current = Current(activity, {}, [], {name: frozenset() for name in TOOL_FIELDS})
            by_id[activity.pk] = found[activity.reference] = current
        links = ActivityAgency.objects.filter(activity_id__in=by_id).values_list(
            "pk", "activity_id", "agency_id", "role"
        )
        for pk, activity_id, agency_id, role in links:
            by_id[activity_id].roles[agency_id] = role
            by_id[activity_id].link_ids.append(pk)
        for name in TOOL_FIELDS:
            through = getattr(Activity, name).through
            sets: dict[int, set[int]] = defaultdict(set)
            for activity_id, tool_id in through.objects.filter(activity_id__in=by_id).values_list(
                "activity_id", "tool_id"
            ):
                sets[activity_id].add(tool_id)
            for activity_id, tools in sets.items():
                by_id[activity_id].tools[name] = frozenset(tools)
    return found


class Display:
    """Stored values as the preview shows them (codes, acronyms, labels)."""

    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self.types = {code: str(label) for code, label in ActivityType.choices}
        self.statuses = {code: str(label) for code, label in ActivityStatus.choices}
        self.yes, self.no = _("yes"), _("no")

    def __call__(self, name: str, value: Any) -> str:
        if value is None:
            return ""
        if name == "country_id":
            return self.lookup.alpha3.get(value, "")
        if name == "focal_point_id":
            return self.lookup.person_names.get(value, "")
        if name == "activity_type":
            return self.types.get(value, value)
        if name == "status":
            return self.statuses.get(value, value)
        if name in BOOL_FIELDS:
            return self.yes if value else self.no
        if name in DATE_FIELDS:
            return value.isoformat()
        if name in TOOL_FIELDS:
            return "; ".join(sorted(self.lookup.tool_names[pk] for pk in value))
        return str(value)

    def agencies(self, roles: dict[int, str], role: str) -> str:
        names = sorted(self.lookup.acronyms[pk] for pk, r in roles.items() if r == role)
        return "; ".join(names)


def final_roles(current: dict[int, str], wanted: dict[int, str], managed: frozenset[str]):
    """The agencies after the import: roles whose column is absent stay as they were."""
    kept = {pk: role for pk, role in current.items() if role not in managed and pk not in wanted}
    return {**kept, **wanted}


def compare(
    rows: list[RowInput], lookup: Lookup, user: Any, managed: frozenset[str], *, lock: bool = False
) -> Comparison:
    """Sort every row into planned (new or changed), unchanged and errors."""
    result = Comparison()
    references = [row.reference for row in rows if row.reference]
    current = load_current(references, lock=lock)
    show = Display(lookup)
    everything = is_secretariat(user)
    mine = agency_ids(user)
    for row in rows:
        found = current.get(row.reference) if row.reference else None
        if not row.errors:
            check_rights(row, found, everything, mine, managed)
        if row.errors:
            result.errors.append(row)
            continue
        plan = (
            plan_new(row, managed, show)
            if found is None
            else plan_change(row, found, managed, show)
        )
        if plan is None:
            result.unchanged.append([row.number, row.reference])
        else:
            result.planned.append(plan)
    return result


def check_rights(
    row: RowInput,
    found: Current | None,
    everything: bool,
    mine: frozenset[int],
    managed: frozenset[str],
) -> None:
    """A member imports only rows their agency takes part in (before and after)."""
    if everything:
        return
    if found is not None:
        if not mine.intersection(found.roles):
            row.error(
                "reference",
                row.reference,
                _(
                    "%(reference)s is another agency's activity; you can only update your "
                    "agency's rows."
                )
                % {"reference": row.reference},
            )
        return
    if not mine.intersection(row.values.get("roles", {})):
        row.error(
            "lead_agency",
            "",
            _("A new activity must list one of your agencies in an agency column."),
        )


def plan_new(row: RowInput, managed: frozenset[str], show: Display) -> Planned:
    values = row.values
    fields = {name: values[name] for name in SCALAR_FIELDS if name in values}
    fields.setdefault("status", ActivityStatus.ONGOING)
    changes = [
        [column_title(COLUMN_OF.get(name, name)), "", show(name, value)]
        for name, value in fields.items()
        if value not in ("", None, False)
    ]
    roles = values.get("roles") or {}
    for role in sorted(set(roles.values()), key=Role.values.index):
        changes.append([column_title(ROLE_COLUMN_OF[role]), "", show.agencies(roles, role)])
    tools = {name: values[name] for name in TOOL_FIELDS if values.get(name)}
    for name, value in tools.items():
        changes.append([column_title(name), "", show(name, value)])
    return Planned(row, None, fields, roles, tools, changes)


def plan_change(
    row: RowInput, found: Current, managed: frozenset[str], show: Display
) -> Planned | None:
    activity, values = found.activity, row.values
    fields: dict[str, Any] = {}
    changes: list[list[str]] = []
    for name in SCALAR_FIELDS:
        if name not in values:
            continue
        old, new = getattr(activity, name), values[name]
        if normal(old) != new:
            fields[name] = new
            changes.append(
                [column_title(COLUMN_OF.get(name, name)), show(name, old), show(name, new)]
            )
    roles = None
    if "roles" in values:
        after = final_roles(found.roles, values["roles"], managed)
        if after != found.roles:
            roles = after
            for role in Role.values:
                old, new = show.agencies(found.roles, role), show.agencies(after, role)
                if old != new:
                    changes.append([column_title(ROLE_COLUMN_OF[role]), old, new])
    tools = {}
    for name in TOOL_FIELDS:
        if name in values and values[name] != found.tools[name]:
            tools[name] = values[name]
            changes.append(
                [column_title(name), show(name, found.tools[name]), show(name, values[name])]
            )
    if not changes:
        return None
    return Planned(row, found, fields, roles, tools, changes)


__all__ = ["TEXT_FIELDS", "Comparison", "Planned", "compare"]
