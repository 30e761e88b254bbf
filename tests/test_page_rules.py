"""The rights of whole pages, as each app states them in its rules.py (the views only ask):
one table, persona by persona."""

import pytest
import rules
from django.contrib.auth.models import AnonymousUser

from accounts.context_processors import HubRole

pytestmark = pytest.mark.django_db

PERSONAS = ["anonymous", "viewer", "member_a", "secretariat", "superuser"]

# rule: who has it, in the order of PERSONAS
RIGHTS = {
    # "My agency's rows" (activities/rules.py)
    "activities.keep_rows": [False, False, True, True, True],
    # every open and late deadline of the coalition (workplan/rules.py)
    "workplan.see_coalition_deadlines": [False, False, False, True, True],
    # opening and following rounds; each agency's progress in one (rounds/rules.py)
    "rounds.manage_round": [False, False, False, True, True],
    "rounds.see_progress_by_agency": [False, False, False, True, True],
    # the dashboard (overview/rules.py)
    "overview.see_dashboard": [False, False, True, True, True],
}


def person(request, persona):
    return AnonymousUser() if persona == "anonymous" else request.getfixturevalue(persona)


@pytest.mark.parametrize("rule", RIGHTS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_page_rule_for_each_persona(request, rule, persona):
    expected = RIGHTS[rule][PERSONAS.index(persona)]
    assert rules.has_perm(rule, person(request, persona)) is expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_header_offers_my_rows_to_whom_the_page_is_open(request, persona):
    user = person(request, persona)
    assert HubRole(user).keeps_rows is rules.has_perm("activities.keep_rows", user)
