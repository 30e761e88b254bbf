"""Who does what with meetings, decisions, action points, documents and joint country
workplans (django-rules, autodiscovered).

The secretariat records meetings, decisions, country statuses and joint workplans (in the
admin); members of an agency update its action points and the progress of the country
deliverables it leads, and add documents; anonymous visitors read what is public. Who reads a
document is one queryset rule (Document.objects.visible_to), asked here too."""

from __future__ import annotations

import rules

from accounts.roles import AnyUser, agency_ids, is_member, is_secretariat


@rules.predicate
def owns_action_point(user: AnyUser, action) -> bool:
    return action is not None and action.owner_agency_id in agency_ids(user)


@rules.predicate
def leads_deliverable(user: AnyUser, deliverable) -> bool:
    """One of the user's agencies is responsible for the deliverable (`lead_ids` is set by
    the page that listed it, saving a query per deliverable)."""
    if deliverable is None:
        return False
    leads = getattr(deliverable, "lead_ids", None)
    if leads is None:
        leads = {agency.pk for agency in deliverable.responsible_agencies.all()}
    return bool(set(leads) & agency_ids(user))


@rules.predicate
def may_read_document(user: AnyUser, document) -> bool:
    from decisions.models import Document

    return Document.objects.visible_to(user).filter(pk=document.pk).exists()


@rules.predicate
def added_by_their_agency(user: AnyUser, document) -> bool:
    return document is not None and document.agency_id in agency_ids(user)


members = is_member | is_secretariat
rules.add_perm("decisions.see_members_only", members)
rules.add_perm("decisions.record", is_secretariat)
rules.add_perm("decisions.update_action", is_secretariat | owns_action_point)
rules.add_perm("decisions.update_country_deliverable", is_secretariat | leads_deliverable)
rules.add_perm("decisions.add_document", members)
rules.add_perm("decisions.read_document", may_read_document)
rules.add_perm("decisions.remove_document", is_secretariat | added_by_their_agency)
