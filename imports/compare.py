"""What an import would do: each row new, changed (which fields, old -> new), unchanged or
an error, worked out against the activities as stored, in a few queries for the whole file.

The same comparison serves the preview and the apply (which runs it again, on rows locked
for the transaction, so it writes exactly what is true at that moment).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from activities import participations
from activities.models import ActivityStatus, Role
from activities.proposals import waiting_roles
from activities.resources import ROLE_COLUMNS
from activities.versions import PastState, states_at
from imports.columns import column_title
from imports.display import Display
from imports.matching import Lookup
from imports.places import PLACE_SETS, check_places_kept
from imports.probable_matches import probable_matches
from imports.rows import BOOL_FIELDS, DATE_FIELDS, TEXT_FIELDS, TOOL_FIELDS, RowInput
from imports.stored import LOAD_CHUNK, Current, deleted_references, load_current

SCALAR_FIELDS = (
    "scope",
    "region",
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
COLUMN_OF = {
    "country_id": "main_country",
    "countries": "country_code",
    "subdivisions": "subdivision_codes",
    "focal_point_id": "focal_point",
}
ROLE_COLUMN_OF = {role: name for name, role in ROLE_COLUMNS.items()}
# The person's choices for a row (ImportJob.decisions): a new activity rather than the one
# it probably (or maybe) is, or the same; the file's or the hub's side of its conflicts.
NEW, FILE, HUB, SAME = "new", "file", "hub", "same"
UNVERSIONED = 2**31  # a row without a version column is as new as the hub
UNKNOWN = object()  # the downloaded version is not in the history


@dataclass(slots=True)
class Planned:
    """A row that will be written: a new activity or the changes to an existing one."""

    row: RowInput
    current: Current | None
    fields: dict[str, Any]  # scalar field -> new value (all of them for a new activity)
    roles: dict[int, str] | None  # the activity's agencies after the import, when they change
    tools: dict[str, frozenset[int]]  # tool column -> new set, when it changes
    changes: list[list[str]]  # [column, old, new] for the preview
    # "countries", "subdivisions", "themes" -> the new set of ids, when it changes.
    places: dict[str, frozenset[int]] = field(default_factory=dict)
    new_tools: dict[str, list[str]] = field(default_factory=dict)  # tool column -> names to add
    new_person: tuple[int, str, str] | None = None  # a focal point to add: agency, name, email
    person_email: tuple[int, str] | None = None  # a known focal point's new email
    proposed_person: tuple[int, str, str] | None = None  # another agency's: proposed to it
    # Cells changed both in the hub and in a stale file: [column, downloaded, hub, file].
    conflicts: list[list[str]] = field(default_factory=list)
    decided: str = ""  # "file" or "hub": the person's choice for the conflicts


@dataclass
class Comparison:
    planned: list[Planned] = field(default_factory=list)
    unchanged: list[list[Any]] = field(default_factory=list)  # [row number, reference]
    errors: list[RowInput] = field(default_factory=list)
    conflicts: list[Planned] = field(default_factory=list)  # stale rows waiting for a choice
    unsure: list[RowInput] = field(default_factory=list)  # maybe an activity: "same" or "new"?
    # Unchanged rows of activities the importer may not change (other agencies'): skipped.
    others_unchanged: int = 0


def normal(value: Any) -> Any:
    """Stored text as an import reads it back (trimmed, one kind of line break)."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    return value


def compare(
    rows: list[RowInput],
    lookup: Lookup,
    user: Any,
    managed: frozenset[str],
    *,
    lock: bool = False,
    decisions: dict[int, str] | None = None,
    blank_clears: bool = False,
) -> Comparison:
    """Sort every row into planned (new or changed), unchanged, conflicts and errors.

    A row without a reference is compared with the activity it probably is, unless the
    person decided it is "new". A row whose version is older than the hub's is compared
    three ways; its conflicts wait for the person's "file" or "hub" (see plan_change).
    On a row matched without a reference, a blank cell means "not stated" (the hub's
    value stays) unless the person chose `blank_clears`; a row that maybe is an activity
    (a reworded title) waits for the person's "same" or "new".
    """
    result = Comparison()
    for part in compare_parts(
        rows, lookup, user, managed, lock=lock, decisions=decisions, blank_clears=blank_clears
    ):
        result.planned += part.planned
        result.unchanged += part.unchanged
        result.errors += part.errors
        result.conflicts += part.conflicts
        result.unsure += part.unsure
        result.others_unchanged += part.others_unchanged
    return result


# Rows compared together: their stored activities are read (and locked) in one go, then let
# go once the part is compared (a 100,000-row file's activities as stored, with every row's
# plan, were the largest step of its import in memory).
COMPARE_PART = LOAD_CHUNK


def compare_parts(
    rows: list[RowInput],
    lookup: Lookup,
    user: Any,
    managed: frozenset[str],
    *,
    lock: bool = False,
    decisions: dict[int, str] | None = None,
    blank_clears: bool = False,
) -> Iterator[Comparison]:
    """compare's result a part of the rows at a time, in the file's order. The rows without
    a reference are matched with the hub's activities first, for the whole file (two rows
    never take the same one)."""
    decisions = decisions or {}
    asked_new = {number for number, choice in decisions.items() if choice == NEW}
    same = {number for number, choice in decisions.items() if choice == SAME}
    matches = probable_matches(rows, user, asked_new, same)
    for row in rows:
        row.probable = matches.probable.get(row.number, "")
        row.maybe = matches.maybe.get(row.number, "")
    show = Display(lookup)
    for start in range(0, len(rows), COMPARE_PART):
        part = rows[start : start + COMPARE_PART]
        yield compare_part(part, lookup, user, managed, show, lock, decisions, blank_clears)


def compare_part(
    rows: list[RowInput],
    lookup: Lookup,
    user: Any,
    managed: frozenset[str],
    show: Display,
    lock: bool,
    decisions: dict[int, str],
    blank_clears: bool,
) -> Comparison:
    result = Comparison()
    references = [row.reference or row.probable for row in rows if row.reference or row.probable]
    current = load_current(references, lock=lock)
    deleted = deleted_references([ref for ref in references if ref not in current])
    pasts = states_at(
        {
            current[row.reference].activity.pk: row.values["version"]
            for row in rows
            if row.reference in current
            and row.values.get("version", UNVERSIONED) < current[row.reference].activity.version
        }
    )
    # Roles already proposed in these rows: asking for them again changes nothing.
    waiting = waiting_roles([found.activity.pk for found in current.values()])
    for row in rows:
        key = row.reference or row.probable
        found = current.get(key) if key else None
        if row.reference in deleted:
            row.error(
                "reference",
                row.reference,
                _(
                    "%(reference)s was deleted from the hub on %(date)s: to add it again as a "
                    "new activity, clear its reference."
                )
                % {"reference": row.reference, "date": deleted[row.reference]},
            )
        stating = bool(row.probable) and not blank_clears
        row_managed = not_stated(row, managed) if stating else managed
        if "activity_type" in row.blank and not stating:
            row.error("activity_type", "", _("A type is required."))
        if row.maybe and not row.errors:
            result.unsure.append(row)
            continue
        plan: Planned | None = None
        if found is not None and not row.errors:
            stale = row.values.get("version", UNVERSIONED) < found.activity.version
            past = pasts.get(found.activity.pk, UNKNOWN) if stale else None
            plan = plan_change(
                row,
                found,
                row_managed,
                show,
                past,
                decisions.get(row.number, ""),
                waiting.get(found.activity.pk),
            )
            if plan is None:
                # Unchanged: nothing to check, whoever's row it is (a member's download of
                # the whole matrix holds the other agencies' rows as they are).
                result.unchanged.append([row.number, key])
                if not participations.speaks_for(user, found.roles):
                    result.others_unchanged += 1
                continue
        if not row.errors:
            check_rights(row, found, user, lookup, row_managed)
        if not row.errors and found is not None:
            check_places_kept(row, found, lookup)
        if row.errors:
            result.errors.append(row)
            continue
        if found is None:
            plan = plan_new(row, row_managed, show)
        if plan is not None and plan.conflicts and not plan.decided:
            result.conflicts.append(plan)
        elif plan is None or not plan.changes:
            result.unchanged.append([row.number, key])
        else:
            result.planned.append(plan)
    return result


def not_stated(row: RowInput, managed: frozenset[str]) -> frozenset[str]:
    """Leave out the row's blank cells (the hub's values stay); the roles it still manages."""
    for name in row.blank:
        row.values.pop(name, None)
    blank_roles = {name.removeprefix("role:") for name in row.blank if name.startswith("role:")}
    if blank_roles and "roles" in row.values and blank_roles >= managed:
        del row.values["roles"]
    return managed - blank_roles


def check_rights(
    row: RowInput, found: Current | None, user: Any, lookup: Lookup, managed: frozenset[str]
) -> None:
    """The forms' rules (activities.participations), before and after the change: a member
    changes only a row one of their agencies takes part in, and one of them still does after
    it; takes only their own agency off a shared row unless theirs leads it; one lead at
    most; at least one agency."""
    if found is not None and not participations.speaks_for(user, found.roles):
        row.error(
            "reference",
            row.reference,
            _("%(reference)s is another agency's activity; you can only update your agency's rows.")
            % {"reference": row.reference},
        )
        return
    before = found.roles if found is not None else {}
    after = (
        participations.merged(before, row.values["roles"], managed)
        if "roles" in row.values
        else before
    )
    if found is not None and after == before:
        return  # the agencies stay as they are: nothing new to check
    try:
        participations.check(
            user, after, lookup.acronyms, before=before if found is not None else None
        )
        # Roles other agencies must agree to wait as proposals: what is saved now must hold.
        participations.split_agreed(user, before, after, lookup.acronyms)
    except ValidationError as error:
        column = next(
            (name for name in ROLE_COLUMNS if ROLE_COLUMNS[name] in managed), "lead_agency"
        )
        row.error(column, "", error.messages[0])


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
        if name not in (values.get("new_tools") or {}):
            changes.append([column_title(name), "", show(name, value)])
    tools.update({name: values[name] for name in values.get("new_tools") or {}})
    places = {name: values[name] for name in PLACE_SETS if name in values}
    for name, ids in places.items():
        if ids:
            changes.append([column_title(COLUMN_OF.get(name, name)), "", show(name, ids)])
    plan = Planned(row, None, fields, roles, tools, changes, places=places)
    plan_people(plan, None, show)
    return plan


def plan_people(plan: Planned, old_person: int | None, show: Display) -> None:
    """A focal point or tools to add, or a known person's new email, as changes of the row."""
    values = plan.row.values
    for name, added in (values.get("new_tools") or {}).items():
        plan.new_tools[name] = added
        old = show(name, plan.current.tools[name]) if plan.current else ""
        named = [show(name, values[name])] if values[name] else []
        named += [_("%(name)s (new tool)") % {"name": tool} for tool in added]
        plan.changes.append([column_title(name), old, "; ".join(named)])
    if values.get("new_focal_point"):
        agency_id, name, email = values["new_focal_point"]
        plan.new_person = (agency_id, name, email)
        plan.fields["focal_point_id"] = None  # the new person's id, once added
        new = _("%(name)s (new focal point of %(agency)s)") % {
            "name": name,
            "agency": show.lookup.acronyms[agency_id],
        }
        plan.changes.append([column_title("focal_point"), show("focal_point_id", old_person), new])
    if values.get("proposed_focal_point"):
        agency_id, name, email = values["proposed_focal_point"]
        plan.proposed_person = (agency_id, name, email)
        proposed = _("%(name)s (proposed to %(agency)s's members and the secretariat)") % {
            "name": name,
            "agency": show.lookup.acronyms[agency_id],
        }
        plan.changes.append([column_title("focal_point"), "", proposed])
    if values.get("focal_point_new_email"):
        pk, email = values["focal_point_new_email"]
        plan.person_email = (pk, email)
        old = show.lookup.person_emails.get(pk, "")
        plan.changes.append([column_title("focal_point_email"), old, email])


def plan_change(
    row: RowInput,
    found: Current,
    managed: frozenset[str],
    show: Display,
    past: PastState | object | None = None,
    decision: str = "",
    waiting: dict[int, str] | None = None,
) -> Planned | None:
    """The changes the row makes to a stored activity.

    `waiting`: the roles already proposed to other agencies in it (activities.proposals):
    a file asking for exactly those changes nothing (they wait for the agencies' answer).

    `past` is the activity as the file was downloaded (its version is older than the
    hub's): a cell changed only in the file applies, one changed only in the hub stays, one
    changed in both is a conflict, written only when the person chose the file's side
    ("file"); UNKNOWN when the history does not have that version (every difference is then
    a conflict). The tools have no history: a difference there is a conflict too.
    """
    activity, values = found.activity, row.values
    plan = Planned(row, found, {}, None, {}, [])
    plan.decided = decision if decision in (FILE, HUB) else ""

    def settle(column: str, base: Any, old: Any, new: Any, shown: Any) -> bool:
        """Whether the file's value is written."""
        if past is None:
            return True
        if past is not UNKNOWN and base == new:
            return False  # the file kept what it had: the hub's newer value stays
        if past is not UNKNOWN and base == old:
            return True  # changed in the file only
        known = "" if past is UNKNOWN else shown(base)
        plan.conflicts.append([column, known, shown(old), shown(new)])
        return plan.decided == FILE

    record = getattr(past, "record", None)
    for name in SCALAR_FIELDS:
        if name not in values or (name == "focal_point_id" and values.get("new_focal_point")):
            continue
        old, new = getattr(activity, name), values[name]
        # A file's values are read normalised: a stored value equal to one already is.
        if old == new or (old := normal(old)) == new:
            continue
        base = normal(getattr(record, name)) if record is not None else None
        column = column_title(COLUMN_OF.get(name, name))
        if settle(column, base, old, new, lambda value, name=name: show(name, value)):
            plan.fields[name] = new
            plan.changes.append([column, show(name, old), show(name, new)])
    if "roles" in values:
        after = participations.merged(found.roles, values["roles"], managed)
        base = getattr(past, "roles", {})
        intended = participations.merged(base, values["roles"], managed)
        proposed = {**found.roles, **(waiting or {})}
        if (
            after != found.roles
            and after != proposed
            and settle(_("Agencies"), base, found.roles, intended, show.all_agencies)
        ):
            plan.roles = after
            for role in Role.values:
                old, new = show.agencies(found.roles, role), show.agencies(after, role)
                if old != new:
                    plan.changes.append([column_title(ROLE_COLUMN_OF[role]), old, new])
    for name in TOOL_FIELDS:
        new_tools = name in (values.get("new_tools") or {})
        if new_tools or (name in values and values[name] != found.tools[name]):
            if past is not None and not new_tools:
                title = column_title(name)
                shown = lambda value, name=name: show(name, value)  # noqa: E731
                plan.conflicts.append([title, "", shown(found.tools[name]), shown(values[name])])
                if plan.decided != FILE:
                    continue
            plan.tools[name] = values[name]
            if not new_tools:
                old, new = show(name, found.tools[name]), show(name, values[name])
                plan.changes.append([column_title(name), old, new])
    for name in PLACE_SETS:
        if name not in values or values[name] == found.places[name]:
            continue
        title = column_title(COLUMN_OF.get(name, name))
        old, new = show(name, found.places[name]), show(name, values[name])
        if past is not None:
            # Compared with the hub as it is (the links' past is not read here): a
            # difference on a stale row is the person's to settle, as for the tools.
            plan.conflicts.append([title, "", old, new])
            if plan.decided != FILE:
                continue
        plan.places[name] = values[name]
        plan.changes.append([title, old, new])
    plan_people(plan, activity.focal_point_id, show)
    return plan if plan.changes or plan.conflicts else None


__all__ = ["TEXT_FIELDS", "Comparison", "Planned", "compare"]
