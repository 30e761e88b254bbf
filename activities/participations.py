"""Which agencies take part in an activity, and in which role: checked and written here only.

The edit forms (activities.services), the admin's agencies inline (activities.admin), the
restore of an old version (activities.versions) and the spreadsheet import (imports) all
go through this module, so each rule is said once:

- an agency takes part once, in one role (`add` says so while a form or a cell is read);
- one lead at most (the database refuses a second one; `check` says so first, naming them);
- at least one agency: a row without agencies answers none of the matrix's questions;
- a member (not the secretariat) speaks for one of the agencies before a change (the right
  to touch the row, `speaks_for`) and after it (`check`): otherwise they would create, or
  hand away, a row they could no longer edit; leaving a shared row (taking only their own
  agencies off it, the others kept as they were) is the one exception;
- a shared row belongs to all its agencies: a member may take only their own agency off it;
  taking another agency off, or deleting the row, needs a member of its lead agency or the
  secretariat (`may_remove`, `may_delete`). Deleting a row only the member's agencies take
  part in takes nobody else's work away, so they may.
- agreed roles (`needs_agreement`): a member may add other agencies as partners or funders,
  but making another agency lead or co-lead, or changing another agency's role, is only a
  proposal that agency (or the secretariat) confirms or declines (activities.proposals);
  meanwhile the row keeps that agency as it was (`without_proposals`, `split_agreed`). The
  edit form, quick edit (which changes no agency) and the spreadsheet import all apply it.

Writing touches only what changed (a link deleted, a role changed, a link created), link
by link in the history, in a few statements for any number of activities.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from accounts.roles import agency_ids, is_secretariat
from activities.models import ActivityAgency, Role
from agencies.models import Agency
from core.public_cache import data_changed

Roles = Mapping[int, str]  # agency id -> role
Link = tuple[int, int, str]  # (link id, agency id, role) as stored
ALL_ROLES: frozenset[str] = frozenset(Role.values)
BATCH = 1000


# Rules -------------------------------------------------------------------------------------


def add(wanted: dict[int, str], agency_id: int, role: str, name: str) -> None:
    """Put an agency into `wanted`; one already there in another role is refused.

    Named twice in the same role is harmless (a cell "ILO; ILO", two form rows alike).
    """
    known = wanted.setdefault(agency_id, role)
    if known != role:
        raise ValidationError(
            _("%(agency)s is listed twice, as %(first)s and as %(second)s: keep one role.")
            % {"agency": name, "first": Role(known).label, "second": Role(role).label},
            code="listed_twice",
        )


def merged(current: Roles, wanted: Roles, managed: Collection[str] = ALL_ROLES) -> dict[int, str]:
    """The agencies after a change that names `wanted` for the `managed` roles only.

    A spreadsheet without, say, a funder column leaves the funders as they are; an agency
    the change names keeps only its new role.
    """
    kept = {pk: role for pk, role in current.items() if role not in managed and pk not in wanted}
    return {**kept, **wanted}


def speaks_for(user: Any, agencies: Iterable[int]) -> bool:
    """The right to change a row: the secretariat, or a member of one of its agencies."""
    return is_secretariat(user) or not agency_ids(user).isdisjoint(agencies)


def speaks_for_lead(user: Any, roles: Roles) -> bool:
    """The secretariat, or a member of the row's lead agency."""
    if is_secretariat(user):
        return True
    mine = agency_ids(user)
    return any(role == Role.LEAD and pk in mine for pk, role in roles.items())


def may_remove(user: Any, before: Roles, after: Roles) -> bool:
    """Whether `user` may take off the row the agencies in `before` missing from `after`:
    their own ones always, the others only as the lead agency's member or the secretariat."""
    others_removed = set(before) - set(after) - agency_ids(user)
    return not others_removed or speaks_for_lead(user, before)


def may_delete(user: Any, roles: Roles) -> bool:
    """Whether `user` may delete a row with these agencies: the lead agency's member or the
    secretariat, or a member whose own agencies are all the row has."""
    if speaks_for_lead(user, roles):
        return True
    mine = agency_ids(user)
    return bool(mine) and bool(roles) and set(roles) <= mine


def leaves(user: Any, before: Roles, after: Roles) -> bool:
    """The change only takes the user's own agencies off the row, the others as they were."""
    mine = agency_ids(user)
    return bool(after) and after == {pk: role for pk, role in before.items() if pk not in mine}


def check(
    user: Any,
    after: Roles,
    names: Mapping[int, str] | None = None,
    *,
    before: Roles | None = None,
) -> None:
    """Refuse agencies and roles `user` may not save, saying why (ValidationError).

    `before` is the row's agencies as stored (None for a new row); `names` gives acronyms
    for the messages (read from the database when not given).
    """

    def acronyms(ids: Iterable[int]) -> str:
        ids = list(ids)
        if names is not None and all(pk in names for pk in ids):
            found = [names[pk] for pk in ids]
        else:
            found = list(Agency.objects.filter(pk__in=ids).values_list("acronym", flat=True))
        return ", ".join(sorted(found))

    if not after:
        raise ValidationError(_("Name at least one agency taking part."), code="no_agency")
    leads = [pk for pk, role in after.items() if role == Role.LEAD]
    if len(leads) > 1:
        raise ValidationError(
            _(
                "Only one agency can lead an activity (%(agencies)s are all marked as lead): "
                "mark the others co-lead."
            )
            % {"agencies": acronyms(leads)},
            code="two_leads",
        )
    before = before or {}
    if not may_remove(user, before, after):
        lead = [pk for pk, role in before.items() if role == Role.LEAD]
        raise ValidationError(
            _(
                "You can take only your own agency off this activity: removing %(agencies)s "
                "needs a member of the lead agency (%(lead)s) or the secretariat."
            )
            % {
                "agencies": acronyms(set(before) - set(after) - agency_ids(user)),
                "lead": acronyms(lead) if lead else _("none named"),
            },
            code="remove_others",
        )
    if not speaks_for(user, after) and not leaves(user, before, after):
        raise ValidationError(
            _("One of your agencies (%(agencies)s) must take part in the activity.")
            % {"agencies": acronyms(agency_ids(user))},
            code="not_own_agency",
        )


# Agreed roles ------------------------------------------------------------------------------

# The roles another agency must agree to take.
AGREED_ROLES: frozenset[str] = frozenset({Role.LEAD, Role.CO_LEAD})


def needs_agreement(user: Any, current: Roles, after: Roles) -> dict[int, str]:
    """What of a change from `current` to `after` other agencies must agree to first:
    {agency id: role proposed}. Empty for the secretariat, and for the user's own agencies."""
    if is_secretariat(user):
        return {}
    mine = agency_ids(user)
    proposed = {}
    for agency_id, role in after.items():
        if agency_id in mine:
            continue
        if agency_id in current:
            if current[agency_id] != role:
                proposed[agency_id] = role
        elif role in AGREED_ROLES:
            proposed[agency_id] = role
    return proposed


def without_proposals(current: Roles, after: Roles, proposed: Roles) -> dict[int, str]:
    """`after` as saved now: an agency asked to agree keeps its current role, or, new to the
    row, waits to be added until it agrees."""
    saved = dict(after)
    for agency_id in proposed:
        if agency_id in current:
            saved[agency_id] = current[agency_id]
        else:
            saved.pop(agency_id, None)
    return saved


def split_agreed(
    user: Any, current: Roles, after: Roles, names: Mapping[int, str] | None = None
) -> tuple[dict[int, str], dict[int, str]]:
    """(what is saved now, what is proposed) of a change from `current` to `after`, the
    saved part checked like any change (ValidationError). One case is refused outright:
    taking the lead from an agency that has not agreed to step back (two leads meanwhile)."""
    proposed = needs_agreement(user, current, after)
    saved = without_proposals(current, after, proposed)
    if proposed:
        leads = [pk for pk, role in saved.items() if role == Role.LEAD]
        others = [pk for pk in leads if pk in proposed]
        if len(leads) > 1 and others:
            name = (names or {}).get(others[0]) or Agency.objects.get(pk=others[0]).acronym
            raise ValidationError(
                _(
                    "%(agency)s leads this row until it agrees to another role: keep your "
                    "agency co-lead for now, and make it lead once %(agency)s has accepted."
                )
                % {"agency": name},
                code="lead_not_agreed",
            )
        check(user, saved, names, before=dict(current) or None)
    return saved, proposed


# Writing -----------------------------------------------------------------------------------


@dataclass
class Change:
    """What writing `after` over an activity's stored links does, link by link."""

    activity_id: int
    delete: list[Link] = field(default_factory=list)
    update: list[Link] = field(default_factory=list)  # with the new role
    create: list[tuple[int, str]] = field(default_factory=list)  # (agency id, role)

    def __bool__(self) -> bool:
        return bool(self.delete or self.update or self.create)


@dataclass
class Written:
    """The links written, for messages (the admin's change log)."""

    created: list[ActivityAgency] = field(default_factory=list)
    changed: list[ActivityAgency] = field(default_factory=list)
    deleted: list[ActivityAgency] = field(default_factory=list)


def plan(activity_id: int, links: Iterable[Link], after: Roles) -> Change:
    """The change that leaves the activity with exactly the agencies and roles `after`."""
    change = Change(activity_id)
    current: set[int] = set()
    for pk, agency_id, role in links:
        current.add(agency_id)
        if agency_id not in after:
            change.delete.append((pk, agency_id, role))
        elif after[agency_id] != role:
            change.update.append((pk, agency_id, after[agency_id]))
    change.create = [(pk, role) for pk, role in after.items() if pk not in current]
    return change


def stored_links(activity_id: int) -> list[Link]:
    return list(
        ActivityAgency.objects.filter(activity_id=activity_id).values_list(
            "pk", "agency_id", "role"
        )
    )


def stored_roles(activity_id: int) -> dict[int, str]:
    """The activity's agencies and roles as stored (agency id -> role)."""
    return {agency_id: role for _pk, agency_id, role in stored_links(activity_id)}


def set_roles(
    activity_id: int,
    wanted: Roles,
    managed: Collection[str] = ALL_ROLES,
    *,
    user: Any = None,
    reason: str = "",
) -> Written:
    """Give one activity the `wanted` agencies in the `managed` roles (see `merged`)."""
    links = stored_links(activity_id)
    after = merged({agency_id: role for _pk, agency_id, role in links}, wanted, managed)
    return write([plan(activity_id, links, after)], user=user, reason=reason)


def write(
    changes: Iterable[Change],
    *,
    user: Any = None,
    reason: str = "",
    when: datetime.datetime | None = None,
) -> Written:
    """Write the changes of any number of activities, each link's change in its history.

    The history records `user` (else the person of the current request) and `reason`.
    Deletions first, then new roles other than lead, then the new leads: "one lead per
    activity" holds after every statement. Call inside the caller's transaction.
    """
    changes = [change for change in changes if change]
    history = {"default_user": user, "default_change_reason": reason[:100], "default_date": when}
    written = Written()
    written.deleted = [
        ActivityAgency(pk=pk, activity_id=c.activity_id, agency_id=agency_id, role=role)
        for c in changes
        for pk, agency_id, role in c.delete
    ]
    delete_links(written.deleted, **history)
    written.changed = [
        ActivityAgency(pk=pk, activity_id=c.activity_id, agency_id=agency_id, role=role)
        for c in changes
        for pk, agency_id, role in c.update
    ]
    for role in sorted({link.role for link in written.changed}, key=lambda r: r == Role.LEAD):
        ids = [link.pk for link in written.changed if link.role == role]
        ActivityAgency.objects.filter(pk__in=ids).update(role=role)
    if written.changed:
        ActivityAgency.history.bulk_history_create(
            written.changed, batch_size=BATCH, update=True, **history
        )
    new = [
        ActivityAgency(activity_id=c.activity_id, agency_id=agency_id, role=role)
        for c in changes
        for agency_id, role in sorted(c.create, key=lambda item: item[1] == Role.LEAD)
    ]
    written.created = bulk_create_with_history(new, ActivityAgency, batch_size=BATCH, **history)
    if written.deleted or written.changed or written.created:
        data_changed()  # bulk writes send no signal: the public pages' cache is told here
    return written


def delete_links(
    links: list[ActivityAgency],
    *,
    default_user: Any = None,
    default_change_reason: str = "",
    default_date: datetime.datetime | None = None,
) -> None:
    """Delete links, recording each deletion in the history.

    QuerySet.delete() would write that history one row at a time (a post_delete signal
    per link); here it is one bulk insert and one DELETE per batch.
    """
    if not links:
        return
    historical = ActivityAgency.history.model
    records = [
        historical(
            id=link.pk,
            activity_id=link.activity_id,
            agency_id=link.agency_id,
            role=link.role,
            history_date=default_date or timezone.now(),
            history_type="-",
            history_user=default_user or historical.get_default_history_user(link),
            history_change_reason=default_change_reason,
        )
        for link in links
    ]
    historical.objects.bulk_create(records, batch_size=BATCH)
    table = connection.ops.quote_name(ActivityAgency._meta.db_table)
    ids = [link.pk for link in links]
    with connection.cursor() as cursor:
        for start in range(0, len(ids), BATCH * 10):
            chunk = ids[start : start + BATCH * 10]
            cursor.execute(
                f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(chunk))})", chunk
            )
