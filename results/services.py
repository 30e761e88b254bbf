"""Writing results: an activity's indicators, a value with its parts, and their review
(draft -> submitted -> approved, or returned with a reason). Every write names its person in
the history and refuses a stale page (results.concurrency). The checks are results.checks;
who may do it is results.rules, asked by the views."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from results.concurrency import lock_unchanged
from results.emails import tell_returned
from results.models import (
    ActivityIndicator,
    CountryMilestone,
    CoverageFigure,
    ReportingPeriod,
    ResultValue,
    ReviewStatus,
    Target,
    ValuePart,
)

logger = logging.getLogger(__name__)

# Members change what they have not submitted yet, or what came back to them.
EDITABLE = (ReviewStatus.DRAFT, ReviewStatus.RETURNED)


def save_indicator(
    user: AbstractBaseUser,
    link: ActivityIndicator,
    based_on_version: int | None,
    targets: Iterable[tuple[Decimal, datetime.date, int | None]] | None = None,
) -> None:
    """Save an activity's indicator (baseline) and, if given, replace its targets."""
    link._history_user = user
    with transaction.atomic():
        lock_unchanged(link, based_on_version)
        link.save()
        if targets is not None:
            link.targets.all().delete()
            Target.objects.bulk_create(
                Target(activity_indicator=link, value=value, date=day, country_id=country)
                for value, day, country in targets
            )


def save_value(
    user: AbstractBaseUser,
    result: ResultValue,
    based_on_version: int | None,
    parts: dict[tuple[str, str], Decimal],
) -> None:
    """Save a value checked by results.checks.check_value, replacing its parts. A returned
    value stays returned (its reason shown) until it is submitted again."""
    result._history_user = user
    with transaction.atomic():
        lock_unchanged(result, based_on_version)
        try:
            with transaction.atomic():
                result.save()
        except IntegrityError:  # someone added the period's value since the form was checked
            raise ValidationError(
                _("This indicator already has a value for the period: change that one."),
                code="duplicate",
            ) from None
        result.parts.all().delete()
        ValuePart.objects.bulk_create(
            ValuePart(result=result, dimension=dimension, category=category, value=number)
            for (dimension, category), number in parts.items()
        )


def _move(user, row, based_on_version: int | None, reason: str = "", **fields) -> None:
    row._history_user = user
    if reason:
        row._change_reason = reason[:100]
    with transaction.atomic():
        lock_unchanged(row, based_on_version)
        for name, value in fields.items():
            setattr(row, name, value)
        row.save()


def _needs_reason(reason: str, what: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Give a reason for %(what)s: the member reads it.") % {"what": what},
            code="reason_required",
        )
    return reason


def submit(user: AbstractBaseUser, row, based_on_version: int | None = None) -> None:
    """Send a draft or returned value (or milestone, figure) to the secretariat."""
    if row.status not in EDITABLE:
        raise ValidationError(
            _("Only a draft or a returned entry can be submitted."), code="not_editable"
        )
    fields = {"status": ReviewStatus.SUBMITTED, "submitted_at": timezone.now()}
    if isinstance(row, ResultValue):
        fields["submitted_by"] = user
    _move(user, row, based_on_version, **fields)


def approve(user: AbstractBaseUser, row, based_on_version: int | None = None) -> None:
    """The secretariat approves a submitted entry: it becomes public."""
    if row.status != ReviewStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted entry can be approved."), code="not_submitted")
    _move(
        user,
        row,
        based_on_version,
        status=ReviewStatus.APPROVED,
        reviewed_by=user,
        reviewed_at=timezone.now(),
        return_reason="",
    )


def return_for_revision(
    user: AbstractBaseUser, row, reason: str, based_on_version: int | None = None
) -> None:
    """The secretariat returns a submitted (or approved) entry with a reason; its author is
    emailed the reason in their language once the change is committed."""
    reason = _needs_reason(reason, _("returning it"))
    if row.status not in (ReviewStatus.SUBMITTED, ReviewStatus.APPROVED):
        raise ValidationError(
            _("Only a submitted or approved entry can be returned."), code="not_submitted"
        )
    _move(
        user,
        row,
        based_on_version,
        reason,
        status=ReviewStatus.RETURNED,
        return_reason=reason,
        reviewed_by=user,
        reviewed_at=timezone.now(),
    )
    transaction.on_commit(lambda: tell_returned(row))


def unlock_value(user: AbstractBaseUser, result: ResultValue, reason: str) -> None:
    """Let a value of a locked period be changed again, saying why (kept in the history)."""
    reason = _needs_reason(reason, _("unlocking it"))
    if not result.is_locked:
        raise ValidationError(_("This value is not locked."), code="not_locked")
    _move(user, result, None, reason, unlocked_at=timezone.now(), unlock_reason=reason)


def lock_period(user: AbstractBaseUser | None, period: ReportingPeriod) -> None:
    """Lock the period's values (its round closed); values unlocked before lock again."""
    period.locked_at = timezone.now()
    period.locked_by = user
    period._history_user = user
    period.save(update_fields=["locked_at", "locked_by"])


def unlock_period(user: AbstractBaseUser, period: ReportingPeriod, reason: str) -> None:
    reason = _needs_reason(reason, _("unlocking the period"))
    period.locked_at = None
    period.unlock_reason = reason
    period._history_user = user
    period._change_reason = reason[:100]
    period.save(update_fields=["locked_at", "unlock_reason"])


def save_contribution(
    user: AbstractBaseUser,
    row: CountryMilestone | CoverageFigure,
    based_on_version: int | None,
    activities: Iterable | None = None,
    agencies: Iterable | None = None,
) -> None:
    """Save a country milestone or coverage figure with the activities and agencies that
    contributed to it."""
    row._history_user = user
    if row.pk is None:
        row.created_by = user
    with transaction.atomic():
        lock_unchanged(row, based_on_version)
        row.save()
        if activities is not None:
            row.activities.set(activities)
        if agencies is not None:
            row.agencies.set(agencies)
