"""`manage.py send_reminders`: run the reminder sweep once, for cron or by hand.

The same sweep celery beat runs. Without REDIS_URL the emails are sent in this process;
with it, they are queued for the Celery worker. `--dry-run` lists what would go, to whom,
and writes nothing. A past `--date` is refused unless `--resend-past` says it is meant: it
would send today the reminders that were due that day, which people got then or no longer
need. A future `--date` is refused unless `--send-early`: it would send now, worded as of
that day, reminders not due yet ("overdue" for steps still ahead), and claim them so that
they never go out on their real day.
"""

import datetime
from itertools import groupby
from operator import attrgetter

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from reminders.sweep import Preview, preview, sweep
from reminders.tasks import queue_sending


class Command(BaseCommand):
    help = "Claim and send the deadline reminders due today (safe to run twice at once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", help="Sweep as of this day (YYYY-MM-DD) instead of today, for checks."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the reminders that would go, to whom; send and write nothing.",
        )
        parser.add_argument(
            "--resend-past",
            action="store_true",
            help="Allow a --date before today (its reminders go out now, worded as of then).",
        )
        parser.add_argument(
            "--send-early",
            action="store_true",
            help="Allow a --date after today (its reminders go out now, worded as of then).",
        )

    def handle(
        self,
        *args,
        date: str | None,
        dry_run: bool,
        resend_past: bool,
        send_early: bool,
        **options,
    ) -> None:
        today = timezone.localdate()
        day = parse_day(date) if date else today
        if dry_run:
            self.show(day, preview(day))
            return
        if day < today and not resend_past:
            raise CommandError(
                f"--date {day.isoformat()} is in the past: the sweep would send now the "
                "reminders that were due on that day, which their recipients got then or no "
                "longer need. Add --dry-run to see them, or --resend-past if you mean to "
                "send them."
            )
        if day > today and not send_early:
            raise CommandError(
                f"--date {day.isoformat()} is in the future: the sweep would send now, worded "
                "as of that day, reminders that are not due yet (steps still ahead called "
                "overdue), and they would not go out again on their real day. Add --dry-run "
                "to see them, or --send-early if you mean to send them."
            )
        result = sweep(queue_sending, day)
        self.stdout.write(
            f"{result.claimed} reminder(s) claimed, {result.queued} queued "
            f"in {result.tasks} send task(s)."
        )
        if result.uncertain:
            self.stdout.write(
                f"{result.uncertain} reminder(s) found stuck while being sent "
                "(see the reminder log in the admin)."
            )

    def show(self, day: datetime.date, found: Preview) -> None:
        items = sorted(found.items, key=lambda item: (item.recipient, item.due_date, item.what))
        for recipient, theirs in groupby(items, key=attrgetter("recipient")):
            self.stdout.write(recipient)
            for item in theirs:
                copy = " (copy)" if item.copy else ""
                self.stdout.write(
                    f"  {item.kind:<11} {item.due_date.isoformat()}  {item.what}"
                    f" — {item.part_of}{copy}"
                )
        people = len({item.recipient for item in items})
        self.stdout.write(
            f"Dry run as of {day.isoformat()}: {len(items)} reminder(s) to {people} "
            f"person(s) would be claimed and sent; {found.requeued} waiting would be queued "
            f"again; {found.uncertain} stuck while being sent would be settled. "
            "Nothing was written or sent."
        )


def parse_day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--date: {text!r} is not a date like 2026-03-31.") from None
