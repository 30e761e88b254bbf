"""Deadline reminders: what is due as of a day, and the sweep that claims it and queues it.

Which reminder a step is due, as of `today` (a step completed, or of a deliverable at 100 %,
is due nothing):
- before its due date: the latest "days before" threshold crossed (with 14,3: "before-14" from
  14 to 4 days ahead, "before-3" from 3 days to 1 day ahead);
- from the due day until the first overdue reminder: "due" (if the policy reminds on the day);
- then every `overdue_every_days`: "overdue-1", "overdue-2"... with the secretariat copied,
  until `overdue_stop_after_weeks`.
Only the latest applicable kind is ever claimed, so a worker that was down for days sends one
reminder when it comes back (catch-up), never the stale ones it missed.

Once: the sweep inserts one claim row per (recipient, step, kind, due date) with
INSERT ... ON CONFLICT DO NOTHING against a unique constraint, then reads back the rows that
carry its own claim token: those it won. Two sweeps at once cannot both win a row. Sending
(workplan.sending) takes each email's rows from "claimed" to "sending" with a conditional
UPDATE just before handing it to SMTP, and to "sent" (or "failed") just after, so a
redelivered or duplicated task finds nothing left to send, and a worker killed mid-task
leaves at most the email it was handing over in doubt. Nothing is parked as an ETA task:
every sweep reads what is due from the database. A row nothing moved for
SPF_REMINDER_STUCK_MINUTES is stuck: "claimed" ones lost their task (a sweep or worker that
died) and are queued again; "sending" ones lost their worker in the middle of SMTP and become
"uncertain", left for the secretariat in the admin (at most once) or, with
SPF_REMINDER_RESEND_UNCERTAIN, sent again (at least once).

Reminder sources (the hook for other kinds of deadline): functions
`source(policy, today) -> Iterator[list[DueItem]]`, each yielding batches of due items, most
simply through `due_items` (keyset batches, the kind due, recipients, secretariat copies). A
DueItem names its log row's target with `target` (here {"step_id": ...}); another source adds
a nullable foreign key to ReminderLog, a unique constraint of its own, and registers its
function with `register_source` from its app's AppConfig.ready. Update rounds are such a
source (rounds.reminders). Recipients, languages, digests, claiming and sending are shared.

The sweep does not know how sending is queued: its caller passes the function
(workplan.tasks.queue_sending, which hands the rows to a Celery task).
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from accounts.models import SECRETARIAT_GROUP
from workplan.models import (
    Deliverable,
    DigestOptOut,
    ReminderLog,
    ReminderPolicy,
    ReminderStatus,
    Step,
)

# Steps read per batch: each batch costs the same few queries, whatever its size.
BATCH_SIZE = 1000
# Recipients per send task: their emails go out in one task run.
RECIPIENTS_PER_TASK = 50
# Without overdue reminders, the due-day reminder is still sent this many days late (catch-up).
DUE_DAY_CATCH_UP_DAYS = 7


@dataclass(frozen=True)
class DueItem:
    recipient: str  # lower-cased email address
    kind: str
    due_date: datetime.date
    what: str
    part_of: str
    link: str
    copy: bool = False
    target: dict[str, int] = field(default_factory=dict)


Source = Callable[[ReminderPolicy, datetime.date], Iterator[list[DueItem]]]
# Hands claim rows (their ids) over for sending, once the claims are committed.
QueueSending = Callable[[list[int]], None]


@dataclass(frozen=True)
class Due:
    """One dated thing as a source reads it, before the policy and the recipients apply.

    `group` keys whose people are reminded (a deliverable, an agency); `target` names the
    ReminderLog column that points back at the thing."""

    due_date: datetime.date
    group: int
    what: str
    part_of: str
    link: str
    target: dict[str, int]


@dataclass
class SweepResult:
    claimed: int = 0
    queued: int = 0  # claim rows handed to send tasks (new ones and rescued ones)
    tasks: int = 0
    uncertain: int = 0  # rows found stuck "being sent" (left uncertain, or sent again)


def current_policy() -> ReminderPolicy:
    """The policy row the secretariat edits, or the defaults when nobody has saved one."""
    return ReminderPolicy.objects.order_by("pk").first() or ReminderPolicy()


def kind_due(
    due_date: datetime.date,
    today: datetime.date,
    policy: ReminderPolicy,
    day_list: tuple[int, ...] | None = None,
) -> str | None:
    """The one reminder kind a step due on `due_date` calls for on `today`, if any.

    `day_list`: policy.day_list(), when the caller parsed it once for many steps."""
    days = (due_date - today).days
    if days > 0:
        crossed = [day for day in day_list or policy.day_list() if day >= days]
        return f"before-{min(crossed)}" if crossed else None
    late = -days
    every = policy.overdue_every_days
    if every and late >= every:
        stop = policy.overdue_stop_after_weeks
        if stop and late > stop * 7:
            return None
        return f"overdue-{late // every}"
    if policy.on_due_day and late < (every or DUE_DAY_CATCH_UP_DAYS):
        return "due"
    return None


def due_window(
    policy: ReminderPolicy, today: datetime.date
) -> tuple[datetime.date | None, datetime.date]:
    """The due dates that can call for a reminder today (earliest None: no lower bound)."""
    days = policy.day_list()
    latest = today + datetime.timedelta(days=days[0] if days else 0)
    every, stop = policy.overdue_every_days, policy.overdue_stop_after_weeks
    if every and not stop:
        return None, latest
    back = stop * 7 if every else DUE_DAY_CATCH_UP_DAYS
    return today - datetime.timedelta(days=back), latest


def board_url(year: int) -> str:
    return f"{settings.SITE_URL}{reverse('workplan:board_year', args=[year])}"


def due_items(
    policy: ReminderPolicy,
    today: datetime.date,
    candidates: QuerySet,
    due_field: str,
    columns: tuple[str, ...],
    describe: Callable[[tuple], Due],
    people: Callable[[set[int]], dict[int, list[str]]],
) -> Iterator[list[DueItem]]:
    """The shared loop of the sources: the reminders due as of `today`, in batches.

    `candidates` are read in keyset batches of BATCH_SIZE by primary key, within the due
    window on `due_field`; `describe` turns a row (pk, *columns) into a Due; `people` gives
    the addresses of each group in one query per batch. Each batch costs the same few
    queries, whatever its size. Overdue reminders copy the secretariat when the policy
    says so (each address once per item: a member of the secretariat is not copied twice).
    """
    earliest, latest = due_window(policy, today)
    candidates = candidates.filter(**{f"{due_field}__lte": latest})
    if earliest is not None:
        candidates = candidates.filter(**{f"{due_field}__gte": earliest})
    secretariat: list[str] | None = None
    day_list = policy.day_list()
    last_pk = 0
    while True:
        batch = list(
            candidates.filter(pk__gt=last_pk)
            .order_by("pk")
            .values_list("pk", *columns)[:BATCH_SIZE]
        )
        if not batch:
            return
        last_pk = batch[-1][0]
        due = [
            (thing, kind_due(thing.due_date, today, policy, day_list))
            for thing in map(describe, batch)
        ]
        due = [(thing, kind) for thing, kind in due if kind]
        if not due:
            continue
        addresses = people({thing.group for thing, _kind in due})
        if secretariat is None and policy.copy_secretariat_when_overdue:
            secretariat = secretariat_emails()
        items: list[DueItem] = []
        for thing, kind in due:
            recipients = dict.fromkeys(addresses.get(thing.group, ()), False)
            if kind.startswith("overdue-") and policy.copy_secretariat_when_overdue:
                for email in secretariat or ():
                    recipients.setdefault(email, True)
            items.extend(
                DueItem(
                    email,
                    kind,
                    thing.due_date,
                    thing.what,
                    thing.part_of,
                    thing.link,
                    copy,
                    thing.target,
                )
                for email, copy in recipients.items()
            )
        if items:
            yield items


def step_reminders(policy: ReminderPolicy, today: datetime.date) -> Iterator[list[DueItem]]:
    """Due reminders of open dated steps, to their deliverable's contacts and members."""
    steps = Step.objects.filter(completed_on__isnull=True).filter(
        Q(deliverable__progress__isnull=True) | Q(deliverable__progress__lt=100)
    )
    urls: dict[int, str] = {}  # reverse() once per workplan year, not once per step

    def describe(row: tuple) -> Due:
        pk, title, due_date, deliverable_id, part_of, year = row
        if year not in urls:
            urls[year] = board_url(year)
        link = f"{urls[year]}#d{deliverable_id}"
        return Due(due_date, deliverable_id, title, part_of, link, {"step_id": pk})

    columns = (
        "title",
        "due_date",
        "deliverable_id",
        "deliverable__title",
        "deliverable__area__workplan__year",
    )
    return due_items(policy, today, steps, "due_date", columns, describe, responsible_people)


def responsible_people(deliverable_ids: Iterable[int]) -> dict[int, list[str]]:
    """Email addresses per deliverable: named contacts, then members of responsible agencies."""
    ids = list(deliverable_ids)
    found: dict[int, dict[str, None]] = defaultdict(dict)
    contacts = (
        Deliverable.contacts.through.objects.filter(deliverable_id__in=ids)
        .exclude(focalpoint__email="")
        .values_list("deliverable_id", Lower("focalpoint__email"))
    )
    members = (
        Deliverable.responsible_agencies.through.objects.filter(
            deliverable_id__in=ids, agency__memberships__profile__user__is_active=True
        )
        .exclude(agency__memberships__profile__user__email="")
        .values_list("deliverable_id", Lower("agency__memberships__profile__user__email"))
    )
    for deliverable_id, email in [*contacts, *members]:
        found[deliverable_id][email] = None
    return {key: list(emails) for key, emails in found.items()}


def secretariat_emails() -> list[str]:
    users = User.objects.filter(groups__name=SECRETARIAT_GROUP, is_active=True).exclude(email="")
    return sorted(set(users.values_list(Lower("email"), flat=True)))


def preferences(emails: Iterable[str]) -> dict[str, tuple[str, bool]]:
    """(language, wants a digest) per address. A focal point with a user account of the same
    address gets that user's settings; any other address gets English and the digest."""
    emails = list(set(emails))
    users = (
        User.objects.annotate(address=Lower("email"))
        .filter(address__in=emails)
        .order_by("-is_active", "pk")
        .values_list("address", "profile__language", "profile__receives_digest")
    )
    found: dict[str, tuple[str, bool]] = {}
    for address, language, digest in users:
        found.setdefault(address, (language or "en", True if digest is None else digest))
    opted_out = set(DigestOptOut.objects.filter(email__in=emails).values_list("email", flat=True))
    return {email: found.get(email, ("en", email not in opted_out)) for email in emails}


_sources: list[Source] = [step_reminders]


def register_source(source: Source) -> None:
    """Add a reminder source to every sweep (an app's AppConfig.ready calls it; twice is once)."""
    if source not in _sources:
        _sources.append(source)


def registered_sources() -> tuple[Source, ...]:
    return tuple(_sources)


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


def sweep(
    queue_sending: QueueSending,
    today: datetime.date | None = None,
    sources: Iterable[Source] | None = None,
) -> SweepResult:
    """Claim every reminder due as of `today` and queue its sending once the claims commit.

    `queue_sending` hands each chunk of claim rows over (workplan.tasks.queue_sending);
    `sources` defaults to the registered ones. Stuck rows are settled on the way (see the
    module's docstring)."""
    today = today or timezone.localdate()
    policy = current_policy()
    token, now = uuid.uuid4(), timezone.now()
    result = SweepResult()
    with transaction.atomic():
        for source in sources if sources is not None else registered_sources():
            for items in source(policy, today):
                claim(items, token, now, today)
        result.uncertain = settle_lost_workers(now)
        rows = (
            ReminderLog.objects.filter(Q(claim=token) | lost_task(now))
            .order_by("recipient", "pk")
            .values_list("pk", "recipient", "claim")
        )
        chunks: list[list[int]] = []
        recipients_in_chunk, previous = RECIPIENTS_PER_TASK, None
        for pk, recipient, row_token in rows:
            result.claimed += row_token == token
            result.queued += 1
            if recipient != previous:
                previous = recipient
                if recipients_in_chunk == RECIPIENTS_PER_TASK:
                    chunks.append([])
                    recipients_in_chunk = 0
                recipients_in_chunk += 1
            chunks[-1].append(pk)
        for chunk in chunks:
            # After the commit: a worker must find the claim rows the task names.
            transaction.on_commit(lambda ids=chunk: queue_sending(ids))
        result.tasks = len(chunks)
    return result


@dataclass
class Preview:
    """What a sweep as of a day would do, found without writing anything."""

    items: list[DueItem]  # reminders it would claim and send
    requeued: int  # rows waiting for a lost task that it would queue again
    uncertain: int  # rows stuck being sent that it would mark uncertain (or send again)


def not_claimed_yet(items: list[DueItem]) -> list[DueItem]:
    """The items of one batch that have no log row yet (the rest went, or are going)."""
    if not items:
        return []
    (target,) = items[0].target  # one source per batch: the same target column
    existing = set(
        ReminderLog.objects.filter(
            **{f"{target}__in": {item.target[target] for item in items}}
        ).values_list("recipient", target, "kind", "due_date")
    )
    return [
        item
        for item in items
        if (item.recipient, item.target[target], item.kind, item.due_date) not in existing
    ]


def preview(today: datetime.date, sources: Iterable[Source] | None = None) -> Preview:
    """The dry run of sweep(today): reads the sources and the log, writes nothing."""
    policy, now = current_policy(), timezone.now()
    items = [
        item
        for source in (sources if sources is not None else registered_sources())
        for batch in source(policy, today)
        for item in not_claimed_yet(batch)
    ]
    requeued = ReminderLog.objects.filter(lost_task(now)).count()
    uncertain = ReminderLog.objects.filter(lost_worker(now)).count()
    return Preview(items, requeued, uncertain)
