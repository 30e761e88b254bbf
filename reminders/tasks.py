"""Celery tasks: the reminder sweep (celery beat runs it) and the sending of claimed reminders."""

from celery import shared_task

from reminders import sending, sweep

# The task's own retries ride out a short glitch; a longer outage leaves the rows "failed",
# and later sweeps try them again for SPF_REMINDER_RETRY_HOURS (reminders.claims).
MAX_RETRIES = 3


def backoff(retries: int) -> int:
    """Seconds before the next attempt: 30 s, 1, 2 min (below the broker's visibility
    timeout, so that no second worker is handed the waiting task)."""
    return min(30 * 2**retries, 120)


# The task names are older than the app: beat schedules and queued tasks carry them.
@shared_task(name="workplan.sweep_reminders")
def sweep_reminders() -> dict[str, int]:
    result = sweep.sweep(queue_sending)
    return {"claimed": result.claimed, "queued": result.queued, "tasks": result.tasks}


@shared_task(bind=True, name="workplan.send_reminders", max_retries=MAX_RETRIES)
def send_reminders(self, ids: list[int]) -> dict[str, int]:
    """Send the claimed reminders `ids`; network failures retry with back-off, then fail."""
    retries, sent, failed = self.request.retries, 0, 0
    while True:
        outcome = sending.deliver(ids, final=retries >= self.max_retries)
        sent, failed = sent + len(outcome.sent), failed + len(outcome.failed)
        if not outcome.retry:
            return {"sent": sent, "failed": failed}
        if not self.request.is_eager:
            # Only the ones that failed: the others are sent, and would be skipped anyway.
            raise self.retry(args=[outcome.retry], countdown=backoff(retries))
        # No broker (`make run`, tests): nobody would run a delayed retry, so try now.
        ids, retries = outcome.retry, retries + 1


def queue_sending(ids: list[int]) -> None:
    """Hand claimed reminders to a send task (called once the claims are committed)."""
    send_reminders.delay(ids)
