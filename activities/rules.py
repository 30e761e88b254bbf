"""Who may do what with activities (django-rules, found by the rules app's autodiscovery).

Without an object, "add" asks whether the user may create any activity at all.
"""

from __future__ import annotations

import rules

from accounts.roles import AnyUser, agency_ids, is_member, is_secretariat, keeps_rows
from activities import participations
from activities.models import Activity


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
def may_delete(user: AnyUser, activity: Activity | None) -> bool:
    """A shared row is deleted by its lead agency's member only (activities.participations)."""
    if activity is None:
        return False
    return participations.may_delete(user, participations.stored_roles(activity.pk))


# Members create activities with their agency taking part; they edit and close the
# activities their agencies take part in; a shared row is deleted by its lead agency's
# member or the secretariat (who may take which agency off a row: activities.participations).
rules.add_perm("activities.add_activity", is_secretariat | is_member)
rules.add_perm("activities.change_activity", is_secretariat | takes_part)
rules.add_perm("activities.delete_activity", is_secretariat | may_delete)
# "My agency's rows": members keep their agencies' rows, the secretariat any agency's.
rules.add_perm("activities.keep_rows", keeps_rows)
# Anyone reads the matrix and downloads it; contact details need a login.
rules.add_perm("activities.view_contacts", rules.is_authenticated)
rules.add_perm("activities.export_activity", rules.always_allow)
# History: members and the secretariat read it; only the secretariat restores a version.
rules.add_perm("activities.view_history", is_member | is_secretariat)
rules.add_perm("activities.restore_version", is_secretariat)
