"""The secretariat sees uncertain reminders (a count above the log, a filter, a notice on the
admin's front page) and can send them again."""

import pytest
from django.urls import reverse
from django.utils import timezone

from reminders.models import ReminderLog, ReminderStatus
from tests.factories import make_agency, make_member
from tests.workplan.conftest import make_deliverable

LOG = reverse("admin:reminders_reminderlog_changelist")


@pytest.fixture
def uncertain(db) -> ReminderLog:
    agency = make_agency("ILO")
    deliverable = make_deliverable(timezone.localdate(), agencies=(agency,))
    make_member(agency, username="mina")
    return ReminderLog.objects.create(
        recipient="mina@example.org",
        step=deliverable.steps.get(),
        kind="due",
        due_date=timezone.localdate(),
        what="Step 1",
        status=ReminderStatus.UNCERTAIN,
        attempts=1,
        claimed_at=timezone.now(),
    )


def test_it_counts_the_uncertain_reminders_above_the_log(superuser_client, uncertain):
    html = superuser_client.get(LOG).content.decode()
    assert "1 reminder is uncertain" in html
    assert "?status__exact=uncertain" in html


def test_it_filters_the_log_on_uncertain(superuser_client, uncertain):
    response = superuser_client.get(LOG, {"status__exact": "uncertain"})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [uncertain]


def test_it_warns_on_the_admin_front_page(superuser_client, uncertain):
    html = superuser_client.get(reverse("admin:index")).content.decode()
    assert "1 reminder is uncertain" in html


def test_it_says_nothing_on_the_front_page_when_none_is_uncertain(superuser_client, db):
    html = superuser_client.get(reverse("admin:index")).content.decode()
    assert "uncertain" not in html


def test_it_sends_an_uncertain_reminder_again(
    superuser_client, uncertain, mailoutbox, django_capture_on_commit_callbacks
):
    data = {"action": "send_again", "_selected_action": [uncertain.pk]}
    with django_capture_on_commit_callbacks(execute=True):
        superuser_client.post(LOG, data)
    assert [message.to for message in mailoutbox] == [["mina@example.org"]]
    assert ReminderLog.objects.get().status == ReminderStatus.SENT
