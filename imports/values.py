"""Values a partner's file writes that the hub does not know, settled in the preview.

For each one the person chooses: what it means (an existing agency, country, tool, type,
status or guarantee: a ValueMapping, read by their and their agency's next imports and
offered to the secretariat as a spelling for everyone), to add it (the secretariat adds a
new agency at once, a new tool with the apply; a member's is a proposal the secretariat
confirms, and its rows wait), or to leave its rows out of this import.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import agency_ids, is_secretariat
from activities.models import GUARANTEE_FIELDS, ActivityStatus, ActivityType, Guarantee, Tool
from agencies.models import Agency, AgencyKind, FocalLevel, FocalPoint
from core.names import name_key
from countries.models import Country
from imports.models import ValueKind, ValueMapping

# The kinds a person may add a new record of (the others are fixed lists).
ADDABLE = (ValueKind.AGENCY, ValueKind.TOOL)
MAP, ADD, LEAVE_OUT = "map", "add", "out"


@dataclass(frozen=True)
class Answer:
    """The person's choice for one unknown value: MAP (to `target`), ADD or LEAVE_OUT."""

    kind: str
    written: str
    choice: str
    target: str = ""
    agency_kind: str = ""  # for a new agency the secretariat adds


def options(kind: str) -> list[tuple[str, str]]:
    """(target, label) of what a value of this kind may be mapped to."""
    if kind == ValueKind.AGENCY:
        return [
            (str(pk), f"{acronym} — {name}" if name != acronym else acronym)
            for pk, acronym, name in Agency.objects.values_list("pk", "acronym", "name")
        ]
    if kind == ValueKind.COUNTRY:
        return sorted(((str(c.pk), str(c.name)) for c in Country.objects.all()), key=lambda o: o[1])
    if kind == ValueKind.TOOL:
        return [(str(pk), name) for pk, name in Tool.objects.values_list("pk", "name")]
    if kind == ValueKind.TYPE:
        return [(code, str(label)) for code, label in ActivityType.choices]
    if kind == ValueKind.STATUS:
        return [(code, str(label)) for code, label in ActivityStatus.choices]
    if kind == ValueKind.GUARANTEE:
        return [(field, str(Guarantee(value).label)) for value, field in GUARANTEE_FIELDS.items()]
    return []


def may_add(kind: str) -> bool:
    return kind in ADDABLE


@transaction.atomic
def settle(answers: list[Answer], user: Any, choices: dict) -> dict:
    """Record the person's answers; the job's reading choices (left-out values, tools
    confirmed as new) as they now are."""
    mine = sorted(agency_ids(user))
    agency_id = mine[0] if len(mine) == 1 else None
    left_out = {tuple(pair) for pair in choices.get("left_out", ())}
    new_tools = set(choices.get("new_tools", ()))
    secretariat = is_secretariat(user)
    for answer in answers:
        key = name_key(answer.written)
        if not key:
            continue
        if answer.choice == MAP:
            labels = dict(options(answer.kind))
            if answer.target not in labels:
                continue
            remember(user, agency_id, answer, answer.target, labels[answer.target])
        elif answer.choice == LEAVE_OUT:
            left_out.add((answer.kind, key))
        elif answer.choice == ADD and may_add(answer.kind):
            if not secretariat:
                # A proposal: the secretariat adds it (imports admin); the rows wait.
                remember(user, agency_id, answer, "", "")
                left_out.add((answer.kind, key))
            elif answer.kind == ValueKind.TOOL:
                new_tools.add(key)  # added to the catalogue by the apply
            else:
                agency = add_agency(answer.written, answer.agency_kind, user)
                remember(user, agency_id, answer, str(agency.pk), agency.acronym)
    return {
        **choices,
        "left_out": sorted([kind, key] for kind, key in left_out),
        "new_tools": sorted(new_tools),
    }


def remember(user: Any, agency_id: int | None, answer: Answer, target: str, label: str) -> None:
    ValueMapping.objects.update_or_create(
        created_by=user,
        kind=answer.kind,
        key=name_key(answer.written),
        defaults={
            "written": answer.written[:200],
            "target": target,
            "target_label": label[:200],
            "agency_id": agency_id,
        },
    )


def add_agency(written: str, kind: str, user: Any) -> Agency:
    """A partner agency the secretariat adds from a file (its history says who and why)."""
    name = written.strip()
    acronym = name if len(name) <= Agency._meta.get_field("acronym").max_length else ""
    acronym = acronym or "".join(word[0] for word in name.split() if word[:1].isalpha()).upper()
    agency = Agency(
        acronym=acronym[:32],
        name=name[:200],
        kind=kind if kind in AgencyKind.values else AgencyKind.NGO,
        is_member=False,
    )
    agency._history_user = user
    agency._change_reason = _("Added from an import")[:100]
    agency.save()
    return agency


def accept_for_everyone(mappings: Any, user: Any) -> int:
    """The secretariat accepts people's spellings as the hub's, for everyone's imports."""
    accepted = 0
    for mapping in mappings.exclude(target="").filter(for_everyone=False):
        mapping.for_everyone, mapping.accepted_by = True, user
        mapping.accepted_at = timezone.now()
        mapping._history_user = user  # each acceptance in the history, with who
        mapping.save()
        accepted += 1
    return accepted


def add_proposed(mappings: Any, user: Any) -> int:
    """Add the new agencies and tools members proposed, and map their spelling to them for
    everyone."""
    added = 0
    for mapping in mappings.filter(target="", kind__in=ADDABLE):
        if mapping.kind == ValueKind.TOOL:
            tool = Tool.objects.create(name=mapping.written[:120])
            target, label = str(tool.pk), tool.name
        else:
            agency = add_agency(mapping.written, AgencyKind.NGO, user)
            target, label = str(agency.pk), agency.acronym
        mapping.target, mapping.target_label = target, label
        mapping.for_everyone, mapping.accepted_by = True, user
        mapping.accepted_at = timezone.now()
        mapping._history_user = user
        mapping.save()
        added += 1
    return added


def accept_people(proposals: Any, user: Any) -> int:
    """Add the focal points members proposed for other agencies' rows, and make each the
    focal point of its activity where it has none."""
    accepted = 0
    for proposal in proposals.filter(accepted_at__isnull=True).select_related("activity"):
        activity = proposal.activity
        person = FocalPoint(agency_id=proposal.agency_id, name=proposal.name, email=proposal.email)
        # At the activity's level: its main country, else its region, else global.
        if activity.country_id:
            person.level, person.country_id = FocalLevel.COUNTRY, activity.country_id
        elif activity.region:
            person.level, person.region = FocalLevel.REGIONAL, activity.region
        else:
            person.level = FocalLevel.GLOBAL
        person._history_user, person._change_reason = user, _("Proposed in an import")
        person.save()
        if activity.focal_point_id is None:
            activity.focal_point = person
            activity._history_user, activity._change_reason = user, _("Proposed in an import")
            activity.save()
        proposal.accepted_by, proposal.accepted_at = user, timezone.now()
        proposal.save(update_fields=["accepted_by", "accepted_at"])
        accepted += 1
    return accepted
