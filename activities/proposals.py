"""Agreed roles: proposals that another agency take a role in a row, and their answers.

The rule (who must agree to what) is activities.participations.needs_agreement; this module
records the proposals the edit form and the import make, and applies one when the agency
asked (or the secretariat) accepts it. Accepting changes the row, so it goes through
activities.concurrency like any edit: it is refused when the row changed since the page
showed it, and when the change the proposal was about is no longer the one it would make
(the agency's role moved on meanwhile).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import AnyUser, agency_ids, is_secretariat
from activities import participations
from activities.concurrency import save_activity
from activities.models import Activity, ProposalState, Role, RoleProposal
from agencies.models import Agency
from core.id_arrays import among


def propose(
    user: AbstractBaseUser, activity_id: int, proposed: Mapping[int, str], current: Mapping
) -> list[RoleProposal]:
    """Record the proposals of a change (a newer one for the same agency replaces the
    waiting one, keeping its history). Call in the transaction of the edit."""
    made = []
    waiting = {
        proposal.agency_id: proposal
        for proposal in RoleProposal.objects.filter(
            activity_id=activity_id, agency_id__in=list(proposed), state=ProposalState.PENDING
        )
    }
    for agency_id, role in proposed.items():
        proposal = waiting.get(agency_id) or RoleProposal(
            activity_id=activity_id, agency_id=agency_id
        )
        proposal.role = role
        proposal.role_before = current.get(agency_id, "")
        proposal.proposed_by = user
        proposal._history_user = user
        proposal.save()
        made.append(proposal)
    return made


def withdraw_settled(activity_id: int, roles: Mapping[int, str]) -> None:
    """Proposals the row now fulfils (someone set that role directly) are accepted."""
    waiting = RoleProposal.objects.filter(activity_id=activity_id, state=ProposalState.PENDING)
    for proposal in waiting:
        if roles.get(proposal.agency_id) == proposal.role:
            proposal.state = ProposalState.ACCEPTED
            proposal.decided_at = timezone.now()
            proposal.save(update_fields=["state", "decided_at"])


def pending_proposals(activity_ids: Iterable[int]) -> dict[int, list[RoleProposal]]:
    """Waiting proposals of these rows, by activity: one query."""
    found: dict[int, list[RoleProposal]] = defaultdict(list)
    rows = RoleProposal.objects.filter(
        activity_id__in=list(activity_ids), state=ProposalState.PENDING
    ).select_related("agency", "proposed_by", "activity")
    for proposal in rows:
        found[proposal.activity_id].append(proposal)
    return dict(found)


def waiting_roles(activity_ids: Iterable[int]) -> dict[int, dict[int, str]]:
    """{activity id: {agency id: role proposed}} of the waiting proposals: one query."""
    found: dict[int, dict[int, str]] = defaultdict(dict)
    rows = RoleProposal.objects.filter(
        activity_id__in=among(activity_ids), state=ProposalState.PENDING
    ).values_list("activity_id", "agency_id", "role")
    for activity_id, agency_id, role in rows:
        found[activity_id][agency_id] = role
    return dict(found)


def waiting_for(agency_id: int) -> list[RoleProposal]:
    """Proposals waiting for the agency's answer (its checklist lists them)."""
    return list(
        RoleProposal.objects.filter(agency_id=agency_id, state=ProposalState.PENDING)
        .select_related("agency", "proposed_by", "activity__country")
        .order_by("proposed_at")
    )


def answerable_agencies(user: AnyUser) -> frozenset[int] | None:
    """The agencies whose proposals the user answers; None: all (the secretariat)."""
    if is_secretariat(user):
        return None
    return agency_ids(user)


def may_answer(user: AnyUser, proposal: RoleProposal) -> bool:
    mine = answerable_agencies(user)
    return mine is None or proposal.agency_id in mine


def _role_label(role: str) -> str:
    return str(Role(role).label).lower() if role in Role.values else role


def accept(user: AbstractBaseUser, proposal: RoleProposal, based_on_version: int) -> None:
    """Give the agency the role proposed, as a new version of the row.

    Raises EditConflict when the row changed since `based_on_version` (the page the person
    answered on), ValidationError when the proposal no longer fits the row."""
    if proposal.state != ProposalState.PENDING:
        raise ValidationError(_("This proposal was already answered."), code="answered")
    activity = Activity.objects.get(pk=proposal.activity_id)
    current = dict(activity.participations.values_list("agency_id", "role"))
    acronym = proposal.agency.acronym
    if current.get(proposal.agency_id, "") != proposal.role_before:
        raise ValidationError(
            _(
                "The row changed since this proposal: %(agency)s is now %(role)s in it. "
                "Decline it and propose again if it still stands."
            )
            % {"agency": acronym, "role": _role_label(current.get(proposal.agency_id, "")) or "—"},
            code="outdated",
        )
    leads = [pk for pk, role in current.items() if role == Role.LEAD and pk != proposal.agency_id]
    if proposal.role == Role.LEAD and leads:
        lead = Agency.objects.get(pk=leads[0]).acronym
        raise ValidationError(
            _("%(lead)s leads this row now: a row has one lead. Ask %(lead)s to step back first.")
            % {"lead": lead},
            code="two_leads",
        )
    reason = _("%(agency)s agreed to be %(role)s") % {
        "agency": acronym,
        "role": _role_label(proposal.role),
    }
    activity._history_user = user
    activity._change_reason = reason[:100]

    def save_role() -> None:
        roles = {**current, proposal.agency_id: proposal.role}
        participations.set_roles(activity.pk, roles, user=user, reason=reason)

    with transaction.atomic():
        save_activity(activity, based_on_version, save_role)
        _decide(user, proposal, ProposalState.ACCEPTED)


def decline(user: AbstractBaseUser, proposal: RoleProposal) -> None:
    if proposal.state != ProposalState.PENDING:
        raise ValidationError(_("This proposal was already answered."), code="answered")
    _decide(user, proposal, ProposalState.DECLINED)


def _decide(user: AbstractBaseUser, proposal: RoleProposal, state: str) -> None:
    proposal.state = state
    proposal.decided_by = user
    proposal.decided_at = timezone.now()
    proposal._history_user = user
    proposal.save(update_fields=["state", "decided_by", "decided_at"])
