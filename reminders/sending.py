"""Sending claimed reminders: one email per person, or one per reminder for those who asked.

Each email's rows move on their own, committed at once: from "claimed" to "sending" by a
conditional UPDATE (under a fresh token) just before the email is handed to SMTP, then to
"sent" (or back to "claimed" for a retry, or "failed") as soon as SMTP answered. Two
deliveries of the same task (a redelivery after a lost acknowledgement, a re-queue by a later
sweep) never both send a row. A worker killed mid-task leaves the emails it had not reached
"claimed" (a later sweep queues them again) and only the one it was handing over "sending"
(a later sweep marks it "uncertain": see reminders.claims).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from smtplib import SMTPException

from django.conf import settings
from django.core import signing
from django.db.models import Case, F, Q, Value, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import emails
from reminders import outages
from reminders.models import ReminderLog, ReminderStatus
from rounds.models import RoundAgency
from workplan.models import DIGEST_OPT_OUT_SALT

# Network trouble: worth another try later. Anything else (a template bug) is not.
RETRYABLE = (SMTPException, OSError)


@dataclass
class Outcome:
    sent: list[int] = field(default_factory=list)
    retry: list[int] = field(default_factory=list)  # failed, worth another attempt
    failed: list[int] = field(default_factory=list)


def digest_off_url(email: str) -> str:
    token = signing.dumps(email.lower(), salt=DIGEST_OPT_OUT_SALT)
    return f"{settings.SITE_URL}{reverse('workplan:digest_off', args=[token])}"


def take(rows: list[ReminderLog], sent: list[int]) -> list[ReminderLog]:
    """Move one email's rows from "claimed" to "sending"; returns those this run took (rows
    another run took meanwhile are left to it).

    `sent`: the rows of the email sent just before, recorded as sent by the same statement.
    Each durable commit costs a disk flush and a round trip: one per email rather than
    two (or four, in a transaction) keeps a large sweep's time in check, and changes nothing
    to what a crash can leave in doubt.
    """
    token, now = uuid.uuid4(), timezone.now()
    wanted = [row.pk for row in rows]
    is_sent = Q(pk__in=sent)
    columns = {
        "status": (Value(ReminderStatus.SENT), Value(ReminderStatus.SENDING)),
        "sent_at": (Value(now), F("sent_at")),
        "last_error": (Value(""), F("last_error")),
        "claim": (F("claim"), Value(token)),
        "attempts": (F("attempts"), F("attempts") + 1),
        "last_attempt_at": (F("last_attempt_at"), Value(now)),
    }
    # Both sets are named by primary key first, so that PostgreSQL finds the rows by that
    # index alone (the status index matches every row a large sweep just claimed).
    changed = ReminderLog.objects.filter(
        Q(pk__in=[*sent, *wanted]), is_sent | Q(status=ReminderStatus.CLAIMED)
    ).update(
        **{
            name: Case(
                When(is_sent, then=when_sent),
                default=when_taken,
                output_field=ReminderLog._meta.get_field(name),
            )
            for name, (when_sent, when_taken) in columns.items()
        }
    )
    if changed == len(sent) + len(rows):  # the usual case: no second query
        for row in rows:
            row.status, row.claim, row.attempts = ReminderStatus.SENDING, token, row.attempts + 1
        return rows
    # Another run took some (or a sent row was deleted meanwhile): read back what is ours.
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
    """ "due within 3 days, on 31 March 2030", in the active language, as of the sweep's day."""
    date = date_format(row.due_date, "DATE_FORMAT")
    if row.is_overdue:
        return _("overdue since %(date)s") % {"date": date}
    days = row.days_before
    if days is None:
        if row.due_date < (row.as_of or timezone.localdate()):  # a due-day reminder caught up
            return _("was due on %(date)s") % {"date": date}
        return _("due on %(date)s") % {"date": date}
    return ngettext(
        "due in %(days)s day, on %(date)s", "due within %(days)s days, on %(date)s", days
    ) % {"days": days, "date": date}


def name_rounds_in(rows: list[ReminderLog], language: str) -> None:
    """Each round's title in the reader's language (the log keeps the title the round had,
    in English, when the reminder was claimed): one query, for the rows about rounds."""
    part_ids = {row.round_part_id for row in rows if row.is_round}
    if not part_ids:
        return
    parts = RoundAgency.objects.filter(pk__in=part_ids).select_related("round")
    titles = {part.pk: part.round.title_in(language) for part in parts}
    for row in rows:
        if row.is_round:
            row.what = titles.get(row.round_part_id, row.what)


def send_message(rows: list[ReminderLog]) -> None:
    first = rows[0]
    name_rounds_in(rows, first.language)
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
    """Send the claimed rows among `ids`, one email at a time, recording each as it goes.

    `final`: the last attempt of the task, so a network failure is recorded as failed, not
    retried here (later sweeps try failed rows again, reminders.claims.retry_failed). A
    network failure opens a mail outage; the next email that goes out closes it and tells
    the secretariat (reminders.outages).
    """
    outcome = Outcome()
    waiting = ReminderLog.objects.filter(pk__in=ids, status=ReminderStatus.CLAIMED).order_by(
        "recipient", "due_date", "pk"
    )
    sent: list[int] = []  # the email just sent, recorded with the next one's take
    for rows in messages(list(waiting)):
        rows, sent = take(rows, sent), []
        if not rows:
            continue
        pks = [row.pk for row in rows]
        try:
            send_message(rows)
        except RETRYABLE as error:
            outages.begin(timezone.now())
            retry = not final
            (outcome.retry if retry else outcome.failed).extend(pks)
            status = ReminderStatus.CLAIMED if retry else ReminderStatus.FAILED
            record(pks, status, f"{type(error).__name__}: {error}")
        except Exception as error:  # recorded; the other emails still go
            outcome.failed.extend(pks)
            record(pks, ReminderStatus.FAILED, f"{type(error).__name__}: {error}")
        else:
            outcome.sent.extend(pks)
            sent = pks
    mark_sent(sent)
    if sent:  # the last email went out: mail works (again)
        outages.mail_works_again()
    return outcome


def mark_sent(pks: list[int]) -> None:
    if pks:
        ReminderLog.objects.filter(pk__in=pks).update(
            status=ReminderStatus.SENT, sent_at=timezone.now(), last_error=""
        )


def record(pks: list[int], status: str, error: str) -> None:
    ReminderLog.objects.filter(pk__in=pks).update(status=status, last_error=error)
