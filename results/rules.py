"""Who may see and do what with results (django-rules, found by the rules app's
autodiscovery).

- anyone: approved values, milestones and figures;
- a member: everything of their agencies' activities (drafts too): choosing its indicators,
  entering, changing and submitting its values while they are drafts or returned and their
  period is not locked; milestones and coverage figures of the countries where their
  agencies work (adding them, changing their own or their agencies' until approved);
- the secretariat: all of it, plus approving, returning with a reason and unlocking.
"""

from __future__ import annotations

import rules

from accounts.roles import AnyUser, agency_ids, is_member, is_secretariat
from activities.models import Activity
from activities.rules import takes_part
from results.models import ResultValue, ReviewStatus
from results.services import EDITABLE


def activity_of(result: ResultValue) -> Activity:
    return result.activity_indicator.activity


@rules.predicate
def is_public(user: AnyUser, row) -> bool:
    return row is not None and row.status == ReviewStatus.APPROVED


@rules.predicate
def reports_on_value(user: AnyUser, result: ResultValue | None) -> bool:
    """The value is of an activity one of the user's agencies takes part in."""
    return result is not None and takes_part(user, activity_of(result))


@rules.predicate
def is_open(user: AnyUser, row) -> bool:
    """Not submitted nor approved, and (for a value) its period not locked."""
    if row is None or row.status not in EDITABLE:
        return False
    return not getattr(row, "is_locked", False)


@rules.predicate
def is_unlocked(user: AnyUser, result: ResultValue | None) -> bool:
    return result is not None and not result.is_locked


def value_rights(user: AnyUser, result: ResultValue, reports: bool) -> tuple[bool, bool]:
    """(may change, may submit) the value, for a page that already knows whether the user
    `reports` on its activity (its agencies take part): the rules below, without a query
    per value."""
    secretariat = is_secretariat(user)
    unlocked = not result.is_locked
    open_to_members = result.status in EDITABLE and unlocked
    may_change = (secretariat and unlocked) or (reports and open_to_members)
    return may_change, (secretariat or reports) and open_to_members


def contribution_rights(user: AnyUser, row, works: bool) -> bool:
    """results.change_country_result for a page that already knows whether the user `works`
    in the row's country, its agencies prefetched: without a query per row."""
    if is_secretariat(user):
        return True
    if not works or row.status not in EDITABLE:
        return False
    mine = agency_ids(user)
    return row.created_by_id == user.pk or any(a.pk in mine for a in row.agencies.all())


def works_in(user: AnyUser, country) -> bool:
    """One of the user's agencies takes part in an activity in the country (its own, or one
    it shares with others)."""
    mine = agency_ids(user)
    if not mine or country is None:
        return False
    return Activity.objects.with_agencies(mine).covering(country).exists()


@rules.predicate
def works_in_country(user: AnyUser, country) -> bool:
    return works_in(user, country)


@rules.predicate
def keeps_contribution(user: AnyUser, row) -> bool:
    """A member of an agency working in the country who added the entry or whose agency is
    among its contributors."""
    if row is None or not works_in(user, row.country):
        return False
    if row.created_by_id == user.pk:
        return True
    return row.agencies.filter(pk__in=agency_ids(user)).exists()


# Values: a member's agencies' activities; the secretariat all, and the review.
rules.add_perm("results.report_on_activity", is_secretariat | takes_part)
rules.add_perm("results.view_value", is_public | is_secretariat | reports_on_value)
rules.add_perm(
    "results.change_value", (is_secretariat & is_unlocked) | (reports_on_value & is_open)
)
rules.add_perm("results.submit_value", (is_secretariat | reports_on_value) & is_open)
rules.add_perm("results.review", is_secretariat)
rules.add_perm("results.unlock", is_secretariat)
# A country's milestones and coverage figures.
rules.add_perm("results.add_country_result", is_secretariat | (is_member & works_in_country))
rules.add_perm("results.view_country_result", is_public | is_secretariat | keeps_contribution)
rules.add_perm("results.change_country_result", is_secretariat | (keeps_contribution & is_open))
