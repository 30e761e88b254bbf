"""Claiming reminders once, and finding the claims nobody will send.

Once: the sweep inserts one claim row per (recipient, step or round part, kind, due date) with
INSERT ... ON CONFLICT DO NOTHING against a unique constraint, then reads back the rows that
carry its own claim token: those it won. Two sweeps at once cannot both win a row. A row
nothing moved for SPF_REMINDER_STUCK_MINUTES is stuck: "claimed" ones lost their task (a
sweep or worker that died) and are queued again; "sending" ones lost their worker in the
middle of SMTP and become "uncertain", left for the secretariat in the admin (at most once)
or, with SPF_REMINDER_RESEND_UNCERTAIN, sent again (at least once).
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Q
from django.db.models.functions import Lower

from accounts.language import spoken
from reminders.due import DueItem
from reminders.models import ReminderLog, ReminderStatus
from workplan.models import DigestOptOut


def preferences(emails: Iterable[str]) -> dict[str, tuple[str, bool]]:
    """(language, wants a digest) per address. A focal point with a user account of the same
    address gets that user's settings (the language as accounts.language.spoken checks it);
    any other address gets English and the digest."""
    emails = list(set(emails))
    users = (
        User.objects.annotate(address=Lower("email"))
        .filter(address__in=emails)
        .order_by("-is_active", "pk")
        .values_list("address", "profile__language", "profile__receives_digest")
    )
    found: dict[str, tuple[str, bool]] = {}
    for address, language, digest in users:
        found.setdefault(address, (spoken(language), True if digest is None else digest))
    opted_out = set(DigestOptOut.objects.filter(email__in=emails).values_list("email", flat=True))
    return {email: found.get(email, (spoken(None), email not in opted_out)) for email in emails}


# Columns of a claim row that vary per item, with their PostgreSQL array types.
CLAIM_COLUMNS = {
    "recipient": "varchar",
    "language": "varchar",
    "digest": "boolean",
    "copy": "boolean",
    "kind": "varchar",
    "due_date": "date",
    "what": "varchar",
    "part_of": "varchar",
    "link": "varchar",
}


def claim(
    items: list[DueItem], token: uuid.UUID, now: datetime.datetime, today: datetime.date
) -> int:
    """Insert claim rows for `items` (due as of `today`); those another sweep holds already
    are skipped."""
    if not items:
        return 0
    prefs = preferences(item.recipient for item in items)
    targets = sorted(items[0].target)  # one source per batch: the same target columns
    values: dict[str, list] = {name: [] for name in [*CLAIM_COLUMNS, *targets]}
    for item in items:
        language, digest = prefs[item.recipient]
        row = {
            "recipient": item.recipient,
            "language": language,
            "digest": digest,
            "copy": item.copy,
            "kind": item.kind,
            "due_date": item.due_date,
            "what": item.what[:300],
            "part_of": item.part_of[:300],
            "link": item.link[:300],
            **item.target,
        }
        for name, column in values.items():
            column.append(row[name])
    if connection.vendor == "postgresql":
        insert_claims_unnest(values, targets, token, now, today)
    else:
        rows = [
            ReminderLog(
                claim=token, claimed_at=now, as_of=today, **dict(zip(values, row, strict=True))
            )
            for row in zip(*values.values(), strict=True)
        ]
        ReminderLog.objects.bulk_create(rows, ignore_conflicts=True)
    return len(items)


def insert_claims_unnest(
    values: dict[str, list],
    targets: list[str],
    token: uuid.UUID,
    now: datetime.datetime,
    today: datetime.date,
) -> None:
    """One INSERT ... SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING: a column of values
    per parameter instead of a parameter per value, which Django's bulk_create spends most
    of a large sweep preparing."""
    meta = ReminderLog._meta
    types = {**CLAIM_COLUMNS, **dict.fromkeys(targets, "bigint")}
    columns = [meta.get_field(name).column for name in values]
    arrays = ", ".join(f"%s::{types[name]}[]" for name in values)
    sql = (
        f"INSERT INTO {meta.db_table} ({', '.join(columns)}, status, attempts, last_error, "
        f"claim, claimed_at, as_of) SELECT *, %s, 0, '', %s, %s, %s FROM unnest({arrays}) "
        "ON CONFLICT DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [ReminderStatus.CLAIMED, token, now, today, *values.values()])


def stuck_after() -> datetime.timedelta:
    """How long a row may stay "claimed" or "sending" untouched before it counts as stuck."""
    return datetime.timedelta(minutes=settings.SPF_REMINDER_STUCK_MINUTES)


def lost_task(now: datetime.datetime) -> Q:
    """Claim rows waiting so long that their send task is lost: to be queued again."""
    before = now - stuck_after()
    return Q(status=ReminderStatus.CLAIMED) & (
        Q(last_attempt_at__lt=before) | Q(last_attempt_at__isnull=True, claimed_at__lt=before)
    )


def lost_worker(now: datetime.datetime) -> Q:
    """Rows "being sent" so long that their worker died while handing them to SMTP."""
    return Q(status=ReminderStatus.SENDING, last_attempt_at__lt=now - stuck_after())


def retry_wait(attempts: int) -> datetime.timedelta:
    """How long a failed reminder waits before the next try: 2^attempts minutes, at most an
    hour (16 minutes after the send task's first four attempts, then an hour)."""
    return datetime.timedelta(minutes=min(2**attempts, 60))


def retry_failed(now: datetime.datetime) -> list[int]:
    """Failed rows claimed less than SPF_REMINDER_RETRY_HOURS ago whose wait is over, claimed
    again for this sweep to queue (a mail server's outage of hours loses no reminder). Their
    ids; older ones stay failed for the secretariat (the admin's banner counts them)."""
    since = now - datetime.timedelta(hours=settings.SPF_REMINDER_RETRY_HOURS)
    rows = ReminderLog.objects.filter(status=ReminderStatus.FAILED, claimed_at__gte=since)
    due = [
        pk
        for pk, attempts, last in rows.values_list("pk", "attempts", "last_attempt_at")
        if last is None or last <= now - retry_wait(attempts)
    ]
    if due:
        ReminderLog.objects.filter(pk__in=due, status=ReminderStatus.FAILED).update(
            status=ReminderStatus.CLAIMED
        )
    return due


def settle_lost_workers(now: datetime.datetime) -> int:
    """Rows whose worker died mid-send become "uncertain"; with SPF_REMINDER_RESEND_UNCERTAIN
    they are claimed again instead (old enough to be queued at once by lost_task)."""
    if settings.SPF_REMINDER_RESEND_UNCERTAIN:
        return ReminderLog.objects.filter(lost_worker(now)).update(
            status=ReminderStatus.CLAIMED,
            last_error="Sending was interrupted (the worker stopped); sent again.",
        )
    return ReminderLog.objects.filter(lost_worker(now)).update(
        status=ReminderStatus.UNCERTAIN,
        last_error="Sending was interrupted (the worker stopped): it may not have gone out.",
    )
