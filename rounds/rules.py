"""Who may run an update round and answer for an agency (django-rules, autodiscovered)."""

from __future__ import annotations

import rules

from accounts.roles import AnyUser, agency_ids, is_secretariat
from rounds.models import RoundAgency


@rules.predicate
def speaks_for_part_agency(user: AnyUser, part: RoundAgency | None) -> bool:
    """The user speaks for the agency asked in this part of the round."""
    return part is not None and part.agency_id in agency_ids(user)


# The member check comes first: it reuses the cached agency ids, so answering a row costs
# no query for the groups.
rules.add_perm("rounds.manage_round", is_secretariat)
rules.add_perm("rounds.answer_part", speaks_for_part_agency | is_secretariat)
# Each agency's progress in a round (its answers, its submission): the secretariat's, on the
# round's own dashboard and on the hub's; members see the round's totals.
rules.add_perm("rounds.see_progress_by_agency", is_secretariat)
