"""A password reset is queued, never sent inside the request: the answer is the same work
for any address (counted, not timed), a mail server's outage loses no email (the task
retries), and limits per asking address and per account stop a flood."""

import pytest
from celery import current_app
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tasks import MAX_RETRIES, send_password_reset
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def ask_reset(client, email: str, address: str = "192.0.2.10"):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


@pytest.fixture
def queued():
    """Tasks go to the broker instead of running in the request (as in production)."""
    current_app.conf.task_always_eager = False
    try:
        yield
    finally:
        current_app.conf.task_always_eager = True


@pytest.mark.usefixtures("queued")
def test_the_request_does_the_same_work_for_any_address(client, mailoutbox):
    make_user("ana", email="ana@example.org")
    work = []
    for email in ["ana@example.org", "nobody@example.org"]:
        with CaptureQueriesContext(connection) as queries:
            response = ask_reset(client, email)
        assert response["Location"] == reverse("password_reset_done")
        work.append([query["sql"] for query in queries.captured_queries])
    assert work[0] == work[1]
    # Nothing about accounts is read in the request, and nothing is sent there.
    assert not any("auth_user" in sql for sql in work[0])
    assert mailoutbox == []


def test_the_task_sends_the_link(client, mailoutbox):
    make_user("ana", email="ana@example.org")
    send_password_reset.apply(args=["ANA@example.org"])
    assert [message.to for message in mailoutbox] == [["ana@example.org"]]


class OutageBackend(EmailBackend):
    """A mail server down for the first `down` attempts."""

    down = 0
    attempts = 0

    def send_messages(self, messages):
        OutageBackend.attempts += 1
        if OutageBackend.attempts <= OutageBackend.down:
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


@pytest.fixture
def outage(settings, mailoutbox):
    settings.EMAIL_BACKEND = "tests.accounts.test_password_reset_queue.OutageBackend"
    OutageBackend.attempts = 0
    return OutageBackend


def test_an_outage_loses_no_email(client, outage, mailoutbox):
    outage.down = 3
    make_user("ana", email="ana@example.org")
    ask_reset(client, "ana@example.org")
    assert outage.attempts == 4
    assert [message.to for message in mailoutbox] == [["ana@example.org"]]


def test_it_gives_up_after_the_last_retry(client, outage, mailoutbox):
    outage.down = 100
    make_user("ana", email="ana@example.org")
    ask_reset(client, "ana@example.org")
    assert outage.attempts == MAX_RETRIES + 1
    assert mailoutbox == []


def test_one_account_gets_a_few_emails_an_hour(client, settings, mailoutbox):
    settings.SPF_PASSWORD_RESET_ACCOUNT_LIMIT = 3
    make_user("ana", email="ana@example.org")
    for n in range(6):
        response = ask_reset(client, "ana@example.org", address=f"192.0.2.{n}")
        assert response["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == 3


def test_one_address_asks_a_few_times_an_hour(client, settings, mailoutbox):
    settings.SPF_PASSWORD_RESET_ADDRESS_LIMIT = 4
    answers = [ask_reset(client, f"someone{n}@example.org").status_code for n in range(6)]
    assert answers == [302, 302, 302, 302, 429, 429]
    assert "Too many password resets" in ask_reset(client, "x@example.org").content.decode()
    # Another address is not held back.
    assert ask_reset(client, "x@example.org", address="198.51.100.7").status_code == 302
