"""The admin: the reminder log is read-only, and a button sends the due reminders now."""

import pytest
from django.urls import reverse
from django.utils import timezone

from reminders.models import ReminderLog, ReminderStatus
from tests.factories import make_agency, make_member
from tests.workplan.conftest import make_deliverable
from workplan.models import ReminderPolicy


@pytest.fixture
def due_today(db):
    agency = make_agency("ILO")
    # Due on the real today: a session logged in now would have expired in a travelled future.
    make_deliverable(timezone.localdate(), agencies=(agency,))
    make_member(agency, username="mina")


def test_it_sends_the_due_reminders_from_the_button(
    superuser_client, due_today, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("admin:reminders_reminderlog_send_due_now")
    with django_capture_on_commit_callbacks(execute=True):
        response = superuser_client.post(url, follow=True)
    assert [message.to for message in mailoutbox] == [["mina@example.org"]]
    assert "1 reminder(s) due" in response.content.decode()


def test_it_lists_the_log_with_its_outcome(superuser_client, due_today, run_sweep):
    run_sweep(timezone.localdate())
    page = superuser_client.get(reverse("admin:reminders_reminderlog_changelist"))
    assert "mina@example.org" in page.content.decode()
    assert ReminderLog.objects.get().status == ReminderStatus.SENT


def test_it_offers_no_second_policy(superuser_client, db):
    ReminderPolicy.objects.create()
    response = superuser_client.get(reverse("admin:workplan_reminderpolicy_add"))
    assert response.status_code == 403


def test_it_names_the_field_of_a_bad_policy(superuser_client, db):
    data = {
        "days_before": "fourteen",
        "overdue_every_days": 7,
        "overdue_stop_after_weeks": 12,
    }
    response = superuser_client.post(reverse("admin:workplan_reminderpolicy_add"), data)
    assert response.status_code == 200
    assert "Write whole numbers of days" in response.content.decode()
