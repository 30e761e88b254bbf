"""A long list of ids is one array parameter on PostgreSQL, with the same answer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activities.models import ProposalState, Role, RoleProposal
from activities.proposals import waiting_roles
from core.id_arrays import LONG, among
from tests.factories import make_activity, make_agency

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_a_long_list_is_one_parameter_and_finds_the_same_rows():
    ilo, unicef = make_agency("ILO"), make_agency("UNICEF")
    asked, other, answered = make_activity(), make_activity(), make_activity()
    RoleProposal.objects.create(activity=asked, agency=ilo, role=Role.LEAD)
    RoleProposal.objects.create(activity=other, agency=unicef, role=Role.CO_LEAD)
    RoleProposal.objects.create(
        activity=answered, agency=ilo, role=Role.LEAD, state=ProposalState.DECLINED
    )
    unknown = range(10**9, 10**9 + LONG)  # ids of no activity: a file's new rows
    short = waiting_roles([asked.pk, answered.pk])
    with CaptureQueriesContext(connection) as long_query:
        long = waiting_roles([asked.pk, answered.pk, *unknown])
    assert short == long == {asked.pk: {ilo.pk: Role.LEAD}}
    [query] = long_query.captured_queries
    assert "unnest" in query["sql"]
    assert query["sql"].count(str(10**9 + 1)) == 1  # the ids once, in the array


def test_a_short_list_is_written_as_usual():
    assert among([3, 1, 2]) == [3, 1, 2]
