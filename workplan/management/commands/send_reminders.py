"""`manage.py send_reminders`: run the reminder sweep once, for cron or by hand.

The same sweep celery beat runs. Without REDIS_URL the emails are sent in this process;
with it, they are queued for the Celery worker.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser

from workplan.reminders import sweep


class Command(BaseCommand):
    help = "Claim and send the deadline reminders due today (safe to run twice at once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", help="Sweep as of this day (YYYY-MM-DD) instead of today, for checks."
        )

    def handle(self, *args, date: str | None, **options) -> None:
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError:
                raise CommandError(f"--date: {date!r} is not a date like 2026-03-31.") from None
        result = sweep(today)
        self.stdout.write(
            f"{result.claimed} reminder(s) claimed, {result.queued} queued "
            f"in {result.tasks} send task(s)."
        )
