"""The broker and the reminder windows agree: a task lost with its worker comes back within
the window the sweep would rescue its reminders in, and no retry waits longer than that
(Redis would hand the waiting task to a second worker)."""

from django.conf import settings

from accounts.tasks import MAX_RETRIES as RESET_RETRIES
from accounts.tasks import backoff as reset_backoff


def test_the_visibility_timeout_is_the_stuck_window():
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility == settings.SPF_REMINDER_STUCK_MINUTES * 60


def test_no_password_reset_retry_waits_past_the_visibility_timeout():
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    waits = [reset_backoff(n) for n in range(RESET_RETRIES)]
    assert max(waits) < visibility
    assert sum(waits) >= 2 * 3600 - 600  # about two hours of outage covered


def test_a_crash_stays_hidden_at_most_25_minutes_by_default():
    assert settings.REMINDER_SWEEP_SECONDS / 60 + settings.SPF_REMINDER_STUCK_MINUTES <= 25


def test_no_reminder_send_retry_waits_past_the_visibility_timeout():
    from reminders.tasks import MAX_RETRIES, backoff

    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert max(backoff(n) for n in range(MAX_RETRIES)) < visibility
