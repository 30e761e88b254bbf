"""What members do to activities from the front-end: the business rules, apart from the views.

Rights (may this user touch this activity at all?) are decided in activities/rules.py; the
rules here are about the content of a change: which agencies take part, in which role, and
what closing or duplicating an activity means. Every write of an existing activity goes
through activities.concurrency.save_activity, so no edit silently overwrites another.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from activities import participations, proposals
from activities.concurrency import lock_unchanged, save_activity
from activities.models import Activity, ActivityStatus, check_dates
from activities.places import covered_countries, set_places, set_themes
from activities.signals import activity_closed, activity_edited
from agencies.models import Agency

# The fields a duplicate copies as they are (the reference, status and dates are new).
COPIED_FIELDS = (
    "scope",
    "region",
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


def check_participations(
    user: AbstractBaseUser, wanted: dict[Agency, str], activity: Activity | None = None
) -> None:
    """Refuse agencies and roles the user may not save (the rules: activities.participations),
    compared with the activity's stored agencies when it has some."""
    participations.check(
        user,
        {agency.pk: role for agency, role in wanted.items()},
        {agency.pk: agency.acronym for agency in wanted},
        before=participations.stored_roles(activity.pk) if activity and activity.pk else None,
    )


def set_participations(
    user: AbstractBaseUser, activity: Activity, wanted: dict[Agency, str], current: dict[int, str]
) -> None:
    """Make the activity's agencies and roles `wanted`, touching only what changed, except
    what other agencies must agree to first (activities.participations.needs_agreement):
    that is recorded as proposals, listed on `activity.proposals_made`."""
    after = {agency.pk: role for agency, role in wanted.items()}
    names = {agency.pk: agency.acronym for agency in wanted}
    saved, proposed = participations.split_agreed(user, current, after, names)
    participations.set_roles(activity.pk, saved)
    activity.proposals_made = proposals.propose(user, activity.pk, proposed, current)
    proposals.withdraw_settled(activity.pk, saved)


def create_activity(
    user: AbstractBaseUser,
    activity: Activity,
    wanted: dict[Agency, str],
    tools_used: Iterable = (),
    tools_needed: Iterable = (),
    places: dict[str, Any] | None = None,
    themes: Iterable | None = None,
) -> Activity:
    """Create the activity with its agencies, tools, and places (set_places' arguments; its
    main country alone when None) and themes."""
    check_participations(user, wanted)
    activity._history_user = user
    with transaction.atomic():
        activity.save()
        activity.tools_used.set(tools_used)
        activity.tools_needed.set(tools_needed)
        if places is not None:
            set_places(activity, **places)
        if themes is not None:
            set_themes(activity, themes)
        set_participations(user, activity, wanted, {})
    return activity


def update_activity(
    user: AbstractBaseUser,
    activity: Activity,
    based_on_version: int,
    wanted: dict[Agency, str] | None = None,
    tools_used: Iterable | None = None,
    tools_needed: Iterable | None = None,
    places: dict[str, Any] | None = None,
    themes: Iterable | None = None,
) -> None:
    """Save an edit made on `based_on_version`; raises EditConflict (nothing written) if stale.

    `wanted` None leaves the agencies as they are (quick edits of status and dates), and
    `places` and `themes` None the places and themes.
    """
    if wanted is not None:
        check_participations(user, wanted, activity)

    def save_related() -> None:
        if tools_used is not None:
            activity.tools_used.set(tools_used)
        if tools_needed is not None:
            activity.tools_needed.set(tools_needed)
        if places is not None:
            set_places(activity, **places)
        if themes is not None:
            set_themes(activity, themes)
        if wanted is not None:
            current = dict(activity.participations.values_list("agency_id", "role"))
            set_participations(user, activity, wanted, current)

    # The history names the person even outside a request (a task, a test, the shell).
    activity._history_user = user
    with transaction.atomic():
        save_activity(activity, based_on_version, save_related)
        activity_edited.send(sender=Activity, user=user, activity=activity)


def duplicate_activity(user: AbstractBaseUser, original: Activity) -> Activity:
    """A new activity with the same content and agencies: new reference, planned, no dates."""
    copy = Activity(**{name: getattr(original, name) for name in COPIED_FIELDS})
    copy.status = ActivityStatus.PLANNED
    wanted = {link.agency: link.role for link in original.participations.select_related("agency")}
    places = {
        "scope": original.scope,
        "region": original.region,
        "main": original.country,
        "countries": covered_countries(original),
        "subdivisions": list(original.subdivisions.all()),
    }
    return create_activity(
        user,
        copy,
        wanted,
        tools_used=list(original.tools_used.all()),
        tools_needed=list(original.tools_needed.all()),
        places=places,
        themes=list(original.themes.all()),
    )


def close_activity(
    user: AbstractBaseUser,
    activity: Activity,
    based_on_version: int,
    end_date: datetime.date | None = None,
) -> None:
    """Mark the activity completed, ending on `end_date` (its own, or today, if not given)."""
    end = end_date or activity.end_date or timezone.localdate()
    check_dates(activity.start_date, end, name_start=True)
    activity.status = ActivityStatus.COMPLETED
    activity.end_date = end
    activity._history_user = user
    with transaction.atomic():
        save_activity(activity, based_on_version)
        activity_closed.send(sender=Activity, user=user, activity=activity)


def delete_activity(activity: Activity, based_on_version: int) -> None:
    """Delete, unless someone saved the activity since the version the user confirmed."""
    with transaction.atomic():
        if lock_unchanged(activity.pk, based_on_version):
            activity.delete()
