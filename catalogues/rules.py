"""Who keeps the catalogues (django-rules, autodiscovered).

Everybody reads them. The secretariat keeps every entry (front end and admin); a member keeps
the entries owned by one of their agencies (tools, data sets, outreach material), and adds
entries for their agencies. Global processes have no owner: the secretariat keeps them in the
admin. The names are not the admin's add_/change_ permissions on purpose: these rights are
for the front-end forms only, the admin stays the secretariat's.
"""

from __future__ import annotations

from typing import Any

import rules

from accounts.roles import AnyUser, agency_ids, is_member, is_secretariat


@rules.predicate
def owned_by_their_agency(user: AnyUser, entry: Any) -> bool:
    owner_id = getattr(entry, "owner_id", None)
    return owner_id is not None and owner_id in agency_ids(user)


rules.add_perm("catalogues.add_entry", is_secretariat | is_member)
rules.add_perm("catalogues.edit_entry", is_secretariat | owned_by_their_agency)
