"""One person with five deadlines gets one email, unless they asked for one per reminder."""

import datetime

from tests.factories import make_agency, make_member
from tests.workplan.conftest import make_deliverable

DUE = datetime.date(2030, 3, 31)


def five_deadlines(db):
    agency = make_agency("ILO")
    for _n in range(5):
        make_deliverable(DUE, agencies=(agency,))
    return make_member(agency, username="mina")


def test_it_lists_five_deadlines_in_one_email(run_sweep, db):
    five_deadlines(db)
    sent = run_sweep(DUE)
    assert len(sent) == 1
    assert sent[0].body.count("Step 1") == 5


def test_it_sends_one_email_per_reminder_without_the_digest(run_sweep, db):
    member = five_deadlines(db)
    member.profile.receives_digest = False
    member.profile.save()
    assert len(run_sweep(DUE)) == 5


def test_it_puts_the_link_to_one_email_per_reminder_in_the_digest(run_sweep, db):
    five_deadlines(db)
    (message,) = run_sweep(DUE)
    assert "/workplan/digest-off/" in message.body
