"""The sweep: claims every reminder due as of a day, from each source, and queues its sending.

Sources are functions `source(policy, today) -> Iterator[list[DueItem]]`, each yielding
batches of due items, most simply through reminders.due.due_items (keyset batches, the kind
due, recipients, secretariat copies). A DueItem names its log row's target with `target`
({"step_id": ...} or {"round_part_id": ...}). The engine sits above the apps whose deadlines
it reminds about, so it names its sources here (SOURCES): a new kind of deadline adds a
nullable foreign key to ReminderLog, a unique constraint of its own, and a source module.
Recipients, languages, digests, claiming (reminders.claims) and sending (reminders.sending)
are shared.

Sending takes each email's rows from "claimed" to "sending" with a conditional UPDATE just
before handing it to SMTP, and to "sent" (or "failed") just after, so a redelivered or
duplicated task finds nothing left to send, and a worker killed mid-task leaves at most the
email it was handing over in doubt. Nothing is parked as an ETA task: every sweep reads what
is due from the database.

The sweep does not know how sending is queued: its caller passes the function
(reminders.tasks.queue_sending, which hands the rows to a Celery task).
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from reminders.claims import claim, lost_task, lost_worker, retry_failed, settle_lost_workers
from reminders.due import DueItem
from reminders.models import ReminderLog
from reminders.rounds import round_reminders
from reminders.steps import step_reminders
from workplan.models import ReminderPolicy

# Recipients per send task: their emails go out in one task run.
RECIPIENTS_PER_TASK = 50

Source = Callable[[ReminderPolicy, datetime.date], Iterator[list[DueItem]]]
# Hands claim rows (their ids) over for sending, once the claims are committed.
QueueSending = Callable[[list[int]], None]

# Every kind of deadline the hub reminds about.
SOURCES: tuple[Source, ...] = (step_reminders, round_reminders)


@dataclass
class SweepResult:
    claimed: int = 0
    queued: int = 0  # claim rows handed to send tasks (new ones and rescued ones)
    tasks: int = 0
    uncertain: int = 0  # rows found stuck "being sent" (left uncertain, or sent again)
    retried: int = 0  # failed rows tried again (within SPF_REMINDER_RETRY_HOURS)


def sweep(
    queue_sending: QueueSending,
    today: datetime.date | None = None,
    sources: Iterable[Source] | None = None,
) -> SweepResult:
    """Claim every reminder due as of `today` and queue its sending once the claims commit.

    `queue_sending` hands each chunk of claim rows over (reminders.tasks.queue_sending);
    `sources` defaults to SOURCES. Stuck rows are settled on the way (see the
    module's docstring)."""
    today = today or timezone.localdate()
    policy = ReminderPolicy.current()
    token, now = uuid.uuid4(), timezone.now()
    result = SweepResult()
    with transaction.atomic():
        for source in sources if sources is not None else SOURCES:
            for items in source(policy, today):
                claim(items, token, now, today)
        result.uncertain = settle_lost_workers(now)
        retried = retry_failed(now)
        result.retried = len(retried)
        rows = (
            ReminderLog.objects.filter(Q(claim=token) | lost_task(now) | Q(pk__in=retried))
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
    policy, now = ReminderPolicy.current(), timezone.now()
    items = [
        item
        for source in (sources if sources is not None else SOURCES)
        for batch in source(policy, today)
        for item in not_claimed_yet(batch)
    ]
    requeued = ReminderLog.objects.filter(lost_task(now)).count()
    uncertain = ReminderLog.objects.filter(lost_worker(now)).count()
    return Preview(items, requeued, uncertain)
