"""Sending claimed reminders: one email per person, or one per reminder for those who asked.

A row is taken from "claimed" to "sending" by a conditional UPDATE before SMTP is touched,
under a fresh token, so two deliveries of the same task (a redelivery after a lost
acknowledgement, a rescue by a later sweep) never both send it. A worker that dies while
sending leaves its rows "sending": never sent twice, and visible in the admin.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from smtplib import SMTPException

from django.conf import settings
from django.core import signing
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import emails
from workplan.models import ReminderLog, ReminderStatus

DIGEST_SALT = "workplan.digest-off"
# Network trouble: worth another try later. Anything else (a template bug) is not.
RETRYABLE = (SMTPException, OSError)


@dataclass
class Outcome:
    sent: list[int] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)  # failed, worth another attempt
    failed: list[int] = field(default_factory=list)


def digest_off_url(email: str) -> str:
    token = signing.dumps(email.lower(), salt=DIGEST_SALT)
    return f"{settings.SITE_URL}{reverse('workplan:digest_off', args=[token])}"


def take(ids: list[int]) -> list[ReminderLog]:
    """Take the rows still waiting among `ids`; rows another run took are left alone."""
    token = uuid.uuid4()
    ReminderLog.objects.filter(pk__in=ids, status=ReminderStatus.CLAIMED).update(
        status=ReminderStatus.SENDING,
        claim=token,
        attempts=F("attempts") + 1,
        last_attempt_at=timezone.now(),
    )
    return list(ReminderLog.objects.filter(claim=token).order_by("recipient", "due_date", "pk"))


def messages(rows: list[ReminderLog]) -> list[list[ReminderLog]]:
    """Group rows into emails: a digest per person who wants one, else one per row."""
    by_person: dict[str, list[ReminderLog]] = defaultdict(list)
    for row in rows:
        by_person[row.recipient].append(row)
    grouped = []
    for person_rows in by_person.values():
        if person_rows[0].digest:
            grouped.append(person_rows)
        else:
            grouped.extend([row] for row in person_rows)
    return grouped


def when_text(row: ReminderLog) -> str:
    """ "due within 3 days, on 31 March 2030", in the active language."""
    date = date_format(row.due_date, "j F Y")
    if row.is_overdue:
        return _("overdue since %(date)s") % {"date": date}
    days = row.days_before
    if days is None:
        if row.due_date < timezone.localdate():  # a due-day reminder caught up late
            return _("was due on %(date)s") % {"date": date}
        return _("due on %(date)s") % {"date": date}
    return ngettext(
        "due in %(days)s day, on %(date)s", "due within %(days)s days, on %(date)s", days
    ) % {"days": days, "date": date}


def send_message(rows: list[ReminderLog]) -> None:
    first = rows[0]
    # Worded once per (kind, date) here rather than per item in the template: a digest
    # of sixty items would otherwise translate the same phrase sixty times.
    with translation.override(first.language):
        words: dict[tuple[str, object], str] = {}
        for row in rows:
            key = (row.kind, row.due_date)
            if key not in words:
                words[key] = when_text(row)
            row.when = words[key]
    context = {
        "items": rows,
        "item": first,
        "recipient": first.recipient,
        "digest_off_url": digest_off_url(first.recipient) if first.digest else "",
    }
    template = "digest" if len(rows) > 1 else "reminder"
    emails.send(template, first.recipient, context, language=first.language)


def deliver(ids: list[int], *, final: bool) -> Outcome:
    """Send the claimed rows among `ids`; record what went out and what failed.

    `final`: the last attempt, so a network failure is recorded as failed, not retried.
    """
    outcome = Outcome()
    errors: dict[str, list[int]] = defaultdict(list)
    for rows in messages(take(ids)):
        pks = [row.pk for row in rows]
        try:
            send_message(rows)
        except RETRYABLE as error:
            (outcome.failed if final else outcome.retry).extend(pks)
            errors[f"{type(error).__name__}: {error}"].extend(pks)
        except Exception as error:  # recorded; the other emails still go
            outcome.failed.extend(pks)
            errors[f"{type(error).__name__}: {error}"].extend(pks)
        else:
            outcome.sent.extend(pks)
    now = timezone.now()
    ReminderLog.objects.filter(pk__in=outcome.sent).update(
        status=ReminderStatus.SENT, sent_at=now, last_error=""
    )
    retry = set(outcome.retry)
    for error, pks in errors.items():
        for status in (ReminderStatus.CLAIMED, ReminderStatus.FAILED):
            chosen = [pk for pk in pks if (pk in retry) == (status == ReminderStatus.CLAIMED)]
            if chosen:
                ReminderLog.objects.filter(pk__in=chosen).update(status=status, last_error=error)
    return outcome
