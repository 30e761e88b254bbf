import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from rounds.models import Outcome, RoundAgencyStatus
from rounds.services import answer_row, open_round, submit_part
from tests.factories import Role, make_activity, make_agency, make_member


def _dashboard(client, update_round, sort=""):
    url = reverse("rounds:dashboard", kwargs={"round_id": update_round.pk})
    return client.get(url, {"sort": sort} if sort else {})


def _by_agency(response):
    return {part.agency.acronym: part for part in response.context["parts"]}


def test_it_shows_each_agencys_status(secretariat_client, member_a, part_a, part_b, rows_a):
    answer_row(member_a, part_a, rows_a[0].pk, Outcome.CONFIRMED)
    parts = _by_agency(_dashboard(secretariat_client, part_a.round))
    assert parts["AGA"].status == RoundAgencyStatus.IN_PROGRESS
    assert parts["AGB"].status == RoundAgencyStatus.NOT_STARTED


def test_it_counts_rows_answered_out_of_rows(secretariat_client, member_a, part_a, rows_a, row_b):
    answer_row(member_a, part_a, rows_a[0].pk, Outcome.CONFIRMED)
    answer_row(member_a, part_a, rows_a[2].pk, Outcome.EDITED)
    parts = _by_agency(_dashboard(secretariat_client, part_a.round))
    assert (parts["AGA"].answered_count, parts["AGA"].row_count) == (2, 3)
    assert (parts["AGB"].answered_count, parts["AGB"].row_count) == (0, 2)


def test_it_shows_who_submitted_when(secretariat_client, member_a, part_a, rows_a):
    submit_part(member_a, part_a)
    html = _dashboard(secretariat_client, part_a.round).content.decode()
    assert "member_a" in html
    assert "Submitted" in html


def test_it_sorts_by_status(secretariat_client, member_a, part_a, part_b, rows_a):
    submit_part(member_a, part_a)
    ascending = _dashboard(secretariat_client, part_a.round, "status").context["parts"]
    descending = _dashboard(secretariat_client, part_a.round, "-status").context["parts"]
    assert [p.agency.acronym for p in ascending] == ["AGB", "AGA"]
    assert [p.agency.acronym for p in descending] == ["AGA", "AGB"]


def test_it_ignores_an_unknown_sort(secretariat_client, update_round, part_a):
    response = _dashboard(secretariat_client, update_round, "nonsense")
    assert response.status_code == 200
    assert response.context["sort"] == "agency"


def _round_with(agency_count: int, secretariat):
    """A round asking `agency_count` agencies with 1 to 3 rows each, half of them submitted."""
    agencies = [make_agency(f"Q{agency_count}X{i}") for i in range(agency_count)]
    for index, agency in enumerate(agencies):
        make_member(agency)
        for _ in range(index % 3 + 1):
            make_activity(agencies={agency: Role.LEAD})
    update_round = open_round(
        secretariat,
        title=f"Round of {agency_count}",
        deadline=timezone.localdate() + datetime.timedelta(days=5),
        agencies=agencies,
    )
    for part in update_round.parts.select_related("round")[: agency_count // 2]:
        submit_part(secretariat, part)
    return update_round


@pytest.mark.postgres
def test_it_costs_the_same_queries_for_2_and_20_agencies(secretariat_client, secretariat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for size in (2, 20):
        update_round = _round_with(size, secretariat)
        with CaptureQueriesContext(connection) as queries:
            response = _dashboard(secretariat_client, update_round)
        assert len(response.context["parts"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]
