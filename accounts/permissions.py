"""Who may do what: the one place where the hub's rights are decided.

Rights are predicates (django-rules) over the user and the object, plus querysets scoped
to the user for lists. Nothing is stored per object per user: a member's rights follow
from the agencies they belong to.

- anonymous: reads the public matrix (no contact details).
- viewer (logged in, no agency): also sees contacts and downloads exports.
- member of agency A: creates activities with A taking part; edits, closes and deletes
  the activities A takes part in; edits A's focal points.
  Members also read the country assessments against the selection criteria.
- secretariat (group "Secretariat") and superusers: everything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import rules
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import QuerySet

from accounts.models import SECRETARIAT_GROUP

if TYPE_CHECKING:
    from activities.models import Activity
    from agencies.models import Agency, FocalPoint

AnyUser = User | AnonymousUser


def agency_ids(user: AnyUser) -> frozenset[int]:
    """Ids of the agencies the user speaks for, cached on the user object per request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_spf_agency_ids", None)
    if cached is None:
        from accounts.models import Membership

        cached = frozenset(
            Membership.objects.filter(profile__user=user).values_list("agency_id", flat=True)
        )
        user._spf_agency_ids = cached
    return cached


@rules.predicate
def is_secretariat(user: AnyUser) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_spf_is_secretariat", None)
    if cached is None:
        cached = user.groups.filter(name=SECRETARIAT_GROUP).exists()
        user._spf_is_secretariat = cached
    return cached


@rules.predicate
def is_member(user: AnyUser) -> bool:
    """Speaks for at least one agency."""
    return bool(agency_ids(user))


@rules.predicate
def takes_part(user: AnyUser, activity: Activity | None) -> bool:
    """One of the user's agencies takes part in the activity."""
    if activity is None:
        return False
    mine = agency_ids(user)
    if not mine:
        return False
    return activity.participations.filter(agency_id__in=mine).exists()


@rules.predicate
def speaks_for_focal_point_agency(user: AnyUser, focal_point: FocalPoint | None) -> bool:
    return focal_point is not None and focal_point.agency_id in agency_ids(user)


@rules.predicate
def speaks_for_agency(user: AnyUser, agency: Agency | None) -> bool:
    return agency is not None and agency.pk in agency_ids(user)


is_authenticated = rules.is_authenticated

# Object-level rules. Without an object, "add" asks whether the user may create any at all.
rules.add_perm("activities.add_activity", is_secretariat | is_member)
rules.add_perm("activities.change_activity", is_secretariat | takes_part)
rules.add_perm("activities.delete_activity", is_secretariat | takes_part)
rules.add_perm("activities.view_contacts", is_authenticated)
rules.add_perm("activities.export_activity", rules.always_allow)
rules.add_perm("agencies.change_focalpoint", is_secretariat | speaks_for_focal_point_agency)
rules.add_perm("agencies.add_focalpoint", is_secretariat | is_member)
rules.add_perm("agencies.act_for_agency", is_secretariat | speaks_for_agency)
# Spreadsheet import: members import their agencies' rows (checked row by row).
rules.add_perm("imports.import_rows", is_secretariat | is_member)


@rules.predicate
def speaks_for_part_agency(user: AnyUser, part: object | None) -> bool:
    """The user speaks for the agency asked in this round part (a rounds.RoundAgency)."""
    return part is not None and getattr(part, "agency_id", None) in agency_ids(user)


# Update rounds. The member check comes first: it reuses the cached agency ids, so
# answering a row costs no query for the groups.
rules.add_perm("rounds.manage_round", is_secretariat)
rules.add_perm("rounds.answer_part", speaks_for_part_agency | is_secretariat)
# History: members and the secretariat read it; only the secretariat restores a version.
rules.add_perm("activities.view_history", is_member | is_secretariat)
rules.add_perm("activities.restore_version", is_secretariat)
# Country assessments rank countries, which is politically sensitive: members and the
# secretariat read them (never the public, nor logged-in partners outside the coalition);
# the secretariat records them in the admin.
rules.add_perm("countries.see_assessments", is_member | is_secretariat)


def activities_editable_by(user: AnyUser) -> QuerySet[Activity]:
    """The activities the user may edit: all for the secretariat, their agencies' for members."""
    from activities.models import Activity, ActivityAgency

    if is_secretariat(user):
        return Activity.objects.all()
    mine = agency_ids(user)
    if not mine:
        return Activity.objects.none()
    return Activity.objects.filter(
        pk__in=ActivityAgency.objects.filter(agency_id__in=mine).values("activity_id")
    )


def focal_points_editable_by(user: AnyUser) -> QuerySet[FocalPoint]:
    from agencies.models import FocalPoint

    if is_secretariat(user):
        return FocalPoint.objects.all()
    return FocalPoint.objects.filter(agency_id__in=agency_ids(user))


def agencies_of(user: AnyUser) -> QuerySet[Agency]:
    """The agencies the user may act for (all of them for the secretariat)."""
    from agencies.models import Agency

    if is_secretariat(user):
        return Agency.objects.all()
    return Agency.objects.filter(pk__in=agency_ids(user))
