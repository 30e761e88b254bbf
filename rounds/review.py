"""The secretariat's review of an agency's submission: accepted, or returned for revision
with a reason; and unlocking an agency's part of a closed round.

Returning reopens the agency's checklist (the part is no longer submitted), and its members
are emailed the reason and the link in their language; the next submission is counted as a
resubmission (RoundAgency.submissions). Every review is a saved change of the part, so its
history keeps each return, its reason, who and when.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rounds.models import RoundAgency
from rounds.tasks import tell_returned_later


def _reason(reason: str, *, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Give a reason for %(what)s: the agency's members read it.") % {"what": what},
            code="reason_required",
        )
    return reason


def accept_part(user: AbstractBaseUser, part: RoundAgency) -> None:
    """Accept the agency's submission (only a submitted part can be accepted)."""
    if part.submitted_at is None:
        raise ValidationError(
            _("%(agency)s has not submitted its part: there is nothing to accept yet.")
            % {"agency": part.agency.acronym},
            code="not_submitted",
        )
    if part.accepted_at is not None:
        return
    part.accepted_at = timezone.now()
    part.accepted_by = user
    part._history_user = user
    part.save(update_fields=["accepted_at", "accepted_by"])


def return_part(user: AbstractBaseUser, part: RoundAgency, reason: str) -> None:
    """Return the submission for revision: the checklist reopens, the members are told why.

    Refused (ValidationError, nothing changed) without a reason, or for a part that is not
    submitted, or one already accepted.
    """
    reason = _reason(reason, what=_("returning the submission"))
    if part.submitted_at is None:
        raise ValidationError(
            _("%(agency)s's part is not submitted: only a submission can be returned.")
            % {"agency": part.agency.acronym},
            code="not_submitted",
        )
    if part.accepted_at is not None:
        raise ValidationError(
            _("%(agency)s's submission is already accepted.") % {"agency": part.agency.acronym},
            code="already_accepted",
        )
    with transaction.atomic():
        part.submitted_at = None
        part.returned_at = timezone.now()
        part.returned_by = user
        part.return_reason = reason
        part._history_user = user
        part._change_reason = reason[:100]
        part.save(update_fields=["submitted_at", "returned_at", "returned_by", "return_reason"])
        tell_returned_later(part.pk)


def unlock_part(user: AbstractBaseUser, part: RoundAgency, reason: str) -> None:
    """Let the agency answer again in a closed round, saying why (kept in the history)."""
    reason = _reason(reason, what=_("unlocking"))
    part.unlocked_at = timezone.now()
    part.unlock_reason = reason
    part._history_user = user
    part._change_reason = reason[:100]
    part.save(update_fields=["unlocked_at", "unlock_reason"])


def lock_part(user: AbstractBaseUser, part: RoundAgency) -> None:
    part.unlocked_at = None
    part._history_user = user
    part.save(update_fields=["unlocked_at"])
