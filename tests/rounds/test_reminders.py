"""Update rounds remind the members of agencies that have not submitted, by the deadline
(a reminder source registered with the workplan's sweep)."""

import datetime

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reminders.models import ReminderLog
from reminders.rounds import round_reminders
from rounds.models import RoundAgency, UpdateRound
from rounds.services import close_round, open_round
from tests.factories import make_agency, make_member, make_secretariat
from tests.workplan.conftest import recipients
from workplan.models import ReminderPolicy

DEADLINE = datetime.date(2030, 3, 31)
OVERDUE = DEADLINE + datetime.timedelta(days=7)


@pytest.fixture
def part(db) -> RoundAgency:
    """ILO asked in an open round, with two members; the round's deadline is DEADLINE."""
    agency = make_agency("ILO")
    make_member(agency, username="mina")
    make_member(agency, username="omar")
    make_member(make_agency("WHO"), username="wanda")  # another agency's member
    update_round = open_round(
        make_secretariat("sec"), title="Mid-year update", deadline=DEADLINE, agencies=[agency]
    )
    return update_round.parts.get()


def test_it_reminds_the_agencys_members_three_days_before(run_sweep, part):
    sent = run_sweep(DEADLINE - datetime.timedelta(days=3))
    assert recipients(sent) == ["mina@example.org", "omar@example.org"]
    assert "Mid-year update" in sent[0].subject


def test_it_links_straight_to_the_agencys_checklist(run_sweep, part):
    sent = run_sweep(DEADLINE - datetime.timedelta(days=3))
    assert f"/parts/{part.pk}/" in sent[0].body
    assert ReminderLog.objects.filter(round_part=part, kind="before-3").count() == 2


def test_it_sends_nothing_for_a_submitted_part(run_sweep, part):
    part.submitted_at = timezone.now()
    part.save()
    assert run_sweep(DEADLINE - datetime.timedelta(days=3)) == []
    assert not ReminderLog.objects.exists()


def test_it_sends_nothing_for_a_closed_round(run_sweep, part):
    close_round(part.round)
    assert run_sweep(DEADLINE - datetime.timedelta(days=3)) == []
    assert not ReminderLog.objects.exists()


def test_it_copies_the_secretariat_when_overdue(run_sweep, part):
    sent = run_sweep(OVERDUE)
    assert recipients(sent) == ["mina@example.org", "omar@example.org", "sec@example.org"]
    copies = ReminderLog.objects.filter(round_part=part, copy=True)
    assert list(copies.values_list("recipient", "kind")) == [("sec@example.org", "overdue-1")]


def test_it_sends_once_when_the_sweep_runs_twice(run_sweep, part):
    day = DEADLINE - datetime.timedelta(days=3)
    assert len(run_sweep(day)) == 2
    assert run_sweep(day) == []


def test_it_reminds_again_when_the_deadline_moves(run_sweep, part):
    run_sweep(DEADLINE - datetime.timedelta(days=3))
    new_deadline = DEADLINE + datetime.timedelta(days=30)
    part.round.deadline = new_deadline
    part.round.save()
    assert len(run_sweep(new_deadline - datetime.timedelta(days=3))) == 2
    assert ReminderLog.objects.filter(round_part=part, due_date=new_deadline).count() == 2


def test_it_refuses_a_duplicate_claim(part):
    fields = {
        "recipient": "mina@example.org",
        "round_part": part,
        "kind": "due",
        "due_date": DEADLINE,
        "what": part.round.title,
        "claimed_at": timezone.now(),
    }
    ReminderLog.objects.create(**fields)
    with pytest.raises(IntegrityError):
        ReminderLog.objects.create(**fields)


def queries_for_parts(count: int) -> int:
    """Queries the source spends on `count` overdue parts, each agency with a member
    (earlier rounds closed first)."""
    UpdateRound.objects.update(closed_at=timezone.now())
    agencies = [make_agency() for _ in range(count)]
    for agency in agencies:
        make_member(agency)
    open_round(make_secretariat(), title="Round", deadline=DEADLINE, agencies=agencies)
    with CaptureQueriesContext(connection) as queries:
        items = [item for batch in round_reminders(ReminderPolicy(), OVERDUE) for item in batch]
    assert len({item.target["round_part_id"] for item in items}) == count
    return len(queries)


def test_it_reads_many_parts_in_as_many_queries_as_one(db):
    one = queries_for_parts(1)
    assert queries_for_parts(20) == one
