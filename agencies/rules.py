"""Who may keep an agency's focal points and act for it (django-rules, autodiscovered)."""

from __future__ import annotations

import rules

from accounts.roles import AnyUser, agency_ids, is_member, is_secretariat
from agencies.models import Agency, FocalPoint


@rules.predicate
def speaks_for_focal_point_agency(user: AnyUser, focal_point: FocalPoint | None) -> bool:
    return focal_point is not None and focal_point.agency_id in agency_ids(user)


@rules.predicate
def speaks_for_agency(user: AnyUser, agency: Agency | None) -> bool:
    return agency is not None and agency.pk in agency_ids(user)


# Members keep their own agencies' focal points; without an object, "add" asks whether the
# user may add one for any agency at all (the form then offers only theirs).
rules.add_perm("agencies.change_focalpoint", is_secretariat | speaks_for_focal_point_agency)
rules.add_perm("agencies.add_focalpoint", is_secretariat | is_member)
rules.add_perm("agencies.act_for_agency", is_secretariat | speaks_for_agency)
