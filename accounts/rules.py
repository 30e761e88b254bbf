"""What speaking for an agency lets a person do (django-rules, autodiscovered): act for it,
keep its focal points.

The agencies sit below accounts (reference data: a membership points down at its agency), so
these rules about agencies are stated here, where memberships live; the agencies app's own
pages ask them by name (`user.has_perm("agencies.change_focalpoint", person)`).
"""

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
