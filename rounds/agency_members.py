"""Who can answer for an agency in a round: its active members with an email address.

An agency with none can be asked, but nobody will get the email or be able to answer: the
secretariat is told before opening the round, and the dashboard marks it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth.models import User

from accounts.models import Membership


def members_by_agency(agency_ids: Iterable[int]) -> dict[int, list[User]]:
    """The active people with an email who speak for each agency, in one query."""
    found: dict[int, list[User]] = defaultdict(list)
    rows = (
        Membership.objects.filter(agency_id__in=list(agency_ids), profile__user__is_active=True)
        .exclude(profile__user__email="")
        .select_related("profile__user")
        .order_by("profile__user__email")
    )
    for membership in rows:
        user = membership.profile.user
        user.profile = membership.profile  # its language, without asking again
        found[membership.agency_id].append(user)
    return dict(found)


def agencies_without_members(agency_ids: Iterable[int]) -> set[int]:
    """Those of `agency_ids` that nobody can answer for."""
    wanted = set(agency_ids)
    reachable = set(
        Membership.objects.filter(agency_id__in=wanted, profile__user__is_active=True)
        .exclude(profile__user__email="")
        .values_list("agency_id", flat=True)
    )
    return wanted - reachable
