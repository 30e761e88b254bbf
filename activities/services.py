"""What members do to activities from the front-end: the business rules, apart from the views.

Rights (may this user touch this activity at all?) are decided in accounts.permissions; the
rules here are about the content of a change: which agencies take part, in which role, and
what closing or duplicating an activity means. Every write of an existing activity goes
through activities.concurrency.save_activity, so no edit silently overwrites another.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import agency_ids, is_secretariat
from activities.concurrency import lock_unchanged, save_activity
from activities.models import Activity, ActivityAgency, ActivityStatus, Role
from agencies.models import Agency

# The fields a duplicate copies as they are (the reference, status and dates are new).
COPIED_FIELDS = (
    "country_id",
    "title",
    "description",
    "activity_type",
    "covers_health",
    "covers_children",
    "covers_working_age",
    "covers_older_persons",
    "focal_point_id",
    "funding",
)


def check_participations(user: AbstractBaseUser, wanted: dict[Agency, str]) -> None:
    """Refuse a set of agencies and roles the user may not save, saying why.

    One lead at most; a member keeps at least one of their own agencies in the activity
    (otherwise they would create, or hand away, a row they could no longer edit).
    """
    if not wanted:
        raise ValidationError(_("Name at least one agency taking part."), code="no_agency")
    leads = [agency for agency, role in wanted.items() if role == Role.LEAD]
    if len(leads) > 1:
        raise ValidationError(
            _("Only one agency can lead an activity; %(agencies)s are all marked as lead.")
            % {"agencies": ", ".join(agency.acronym for agency in leads)},
            code="two_leads",
        )
    if is_secretariat(user):
        return
    mine = agency_ids(user)
    if not any(agency.pk in mine for agency in wanted):
        own = ", ".join(sorted(a.acronym for a in Agency.objects.filter(pk__in=mine)))
        raise ValidationError(
            _("One of your agencies (%(agencies)s) must take part in the activity.")
            % {"agencies": own},
            code="not_own_agency",
        )


def set_participations(activity: Activity, wanted: dict[Agency, str]) -> None:
    """Make the activity's agencies and roles exactly `wanted`, touching only what changed.

    Row by row (not delete-all-and-recreate), so that the history shows what really changed.
    """
    current = {link.agency_id: link for link in activity.participations.all()}
    wanted_ids = {agency.pk: role for agency, role in wanted.items()}
    for agency_id, link in current.items():
        if agency_id not in wanted_ids:
            link.delete()
    changed = [
        (link, wanted_ids[agency_id])
        for agency_id, link in current.items()
        if agency_id in wanted_ids and link.role != wanted_ids[agency_id]
    ]
    # The old lead steps down before the new one steps up: the database allows one lead.
    changed.sort(key=lambda pair: pair[1] == Role.LEAD)
    for link, role in changed:
        link.role = role
        link.save(update_fields=["role"])
    for agency in wanted:
        if agency.pk not in current:
            ActivityAgency.objects.create(activity=activity, agency=agency, role=wanted[agency])


def create_activity(
    user: AbstractBaseUser,
    activity: Activity,
    wanted: dict[Agency, str],
    tools_used: Iterable = (),
    tools_needed: Iterable = (),
) -> Activity:
    check_participations(user, wanted)
    with transaction.atomic():
        activity.save()
        activity.tools_used.set(tools_used)
        activity.tools_needed.set(tools_needed)
        set_participations(activity, wanted)
    return activity


def update_activity(
    user: AbstractBaseUser,
    activity: Activity,
    based_on_version: int,
    wanted: dict[Agency, str] | None = None,
    tools_used: Iterable | None = None,
    tools_needed: Iterable | None = None,
) -> None:
    """Save an edit made on `based_on_version`; raises EditConflict (nothing written) if stale.

    `wanted` None leaves the agencies as they are (quick edits of status and dates).
    """
    if wanted is not None:
        check_participations(user, wanted)

    def save_related() -> None:
        if tools_used is not None:
            activity.tools_used.set(tools_used)
        if tools_needed is not None:
            activity.tools_needed.set(tools_needed)
        if wanted is not None:
            set_participations(activity, wanted)

    with transaction.atomic():
        save_activity(activity, based_on_version, save_related)
        record_round_answer(user, activity, closed=False)


def duplicate_activity(user: AbstractBaseUser, original: Activity) -> Activity:
    """A new activity with the same content and agencies: new reference, planned, no dates."""
    copy = Activity(**{name: getattr(original, name) for name in COPIED_FIELDS})
    copy.status = ActivityStatus.PLANNED
    wanted = {link.agency: link.role for link in original.participations.select_related("agency")}
    return create_activity(
        user,
        copy,
        wanted,
        tools_used=list(original.tools_used.all()),
        tools_needed=list(original.tools_needed.all()),
    )


def close_activity(
    user: AbstractBaseUser,
    activity: Activity,
    based_on_version: int,
    end_date: datetime.date | None = None,
) -> None:
    """Mark the activity completed, ending on `end_date` (its own, or today, if not given)."""
    end = end_date or activity.end_date or timezone.localdate()
    if activity.start_date and end < activity.start_date:
        raise ValidationError(
            {
                "end_date": _(
                    "The end date cannot be before the start date (%(start)s): pick a later "
                    "end date or correct the start date in the edit form."
                )
                % {"start": activity.start_date.isoformat()}
            },
            code="end_before_start",
        )
    activity.status = ActivityStatus.COMPLETED
    activity.end_date = end
    with transaction.atomic():
        save_activity(activity, based_on_version)
        record_round_answer(user, activity, closed=True)


def delete_activity(activity: Activity, based_on_version: int) -> None:
    """Delete, unless someone saved the activity since the version the user confirmed."""
    with transaction.atomic():
        if lock_unchanged(activity.pk, based_on_version):
            activity.delete()


def record_round_answer(user: AbstractBaseUser, activity: Activity, *, closed: bool) -> None:
    """An edit or a close by a member answers for the row in their agencies' open rounds."""
    from rounds import services as rounds

    if not closed:
        rounds.record_edit(user, activity)
        return
    from rounds.models import Outcome, RoundAgency

    parts = RoundAgency.objects.filter(
        agency_id__in=agency_ids(user),
        round__closed_at__isnull=True,
        agency__participations__activity=activity,
    ).select_related("round")
    for part in parts:
        rounds.answer_row(user, part, activity.pk, Outcome.CLOSED)
