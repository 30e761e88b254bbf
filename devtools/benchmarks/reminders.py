"""The reminder sweep at bench size: 2,000 deliverables, 6,000 steps, 500 recipients, all due.

Its own deliverables are built in far-future workplan years (2098 for the small run, 2099 for
the big one), due on the day the sweep runs as, so the synthetic coalition's older steps lie
outside the policy's window and the figures measure exactly this data. Emails go to the
locmem backend; send tasks run in-process, so their queries are counted too.
"""

import datetime
import time

from celery import current_app as celery_app
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings

from accounts.models import Membership, Profile
from agencies.models import Agency, AgencyKind
from devtools.benchmarks.core import BenchContext, Figures
from reminders.models import ReminderLog
from reminders.sweep import sweep
from reminders.tasks import queue_sending
from workplan.models import Area, Deliverable, Step, Workplan

RECIPIENTS = 500
MEMBERS_PER_AGENCY = 1
STEPS_PER_DELIVERABLE = 3
BIG, SMALL = 2_000, 200


def build_recipients(count: int = RECIPIENTS) -> list[Agency]:
    """`count` members with an email, MEMBERS_PER_AGENCY to each of a set of new agencies."""
    agencies = Agency.objects.bulk_create(
        [
            Agency(acronym=f"RB{i:03d}", name=f"Reminder bench agency {i}", kind=AgencyKind.NGO)
            for i in range(count // MEMBERS_PER_AGENCY)
        ]
    )
    users = User.objects.bulk_create(
        [
            User(username=f"bench-member-{i}", email=f"member{i}@bench.example.org")
            for i in range(count)
        ]
    )
    # bulk_create sends no signal: the profiles the signal would make are made here.
    profiles = Profile.objects.bulk_create([Profile(user=user) for user in users])
    Membership.objects.bulk_create(
        [
            Membership(profile=profile, agency=agencies[i // MEMBERS_PER_AGENCY])
            for i, profile in enumerate(profiles)
        ]
    )
    return agencies


def build_due_plan(year: int, deliverables: int, agencies: list[Agency]) -> datetime.date:
    """A workplan of `deliverables`, each with STEPS_PER_DELIVERABLE open steps due on one day
    and one responsible agency; returns that day."""
    due = datetime.date(year, 6, 1)
    plan = Workplan.objects.create(year=year, title=f"Reminder bench {year}")
    area = Area.objects.create(workplan=plan, number=1, title="Reminder bench")
    rows = Deliverable.objects.bulk_create(
        [Deliverable(area=area, title=f"Bench deliverable {i}") for i in range(deliverables)]
    )
    through = Deliverable.responsible_agencies.through
    through.objects.bulk_create(
        [
            through(deliverable_id=row.pk, agency_id=agencies[i % len(agencies)].pk)
            for i, row in enumerate(rows)
        ]
    )
    Step.objects.bulk_create(
        [
            Step(deliverable=row, title=f"Step {n}", due_date=due)
            for row in rows
            for n in range(1, STEPS_PER_DELIVERABLE + 1)
        ],
        batch_size=2000,
    )
    return due


def timed_sweep(today: datetime.date) -> tuple[float, int, int]:
    """Seconds, queries and emails of one sweep as of `today`, sends included."""
    mail.outbox = []
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        sweep(queue_sending, today)
        seconds = time.perf_counter() - started
    return seconds, len(captured), len(mail.outbox)


def analyze_filled() -> None:
    """Statistics of the tables filled here, as a live database's autovacuum would have them
    soon after: the benches after this one (the dashboard lists the 500 agencies in its
    round) are planned on them. After the sweep's timing, which stays as it was measured."""
    filled = (
        Agency,
        User,
        Profile,
        Membership,
        Workplan,
        Area,
        Deliverable,
        Deliverable.responsible_agencies.through,
        Step,
        ReminderLog,
    )
    with connection.cursor() as cursor:
        for model in filled:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def bench_reminder_sweep(ctx: BenchContext) -> Figures:
    ctx.progress(f"building {RECIPIENTS} recipients and two all-due workplans...")
    with transaction.atomic():
        agencies = build_recipients()
        small_day = build_due_plan(2098, SMALL, agencies)
        big_day = build_due_plan(2099, BIG, agencies)
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            ctx.progress(f"sweeping {SMALL} deliverables...")
            _seconds, small_queries, _emails = timed_sweep(small_day)
            ctx.progress(f"sweeping {BIG} deliverables, {BIG * STEPS_PER_DELIVERABLE} steps...")
            seconds, queries, emails = timed_sweep(big_day)
    finally:
        celery_app.conf.task_always_eager = eager
        mail.outbox = []
    analyze_filled()
    return {
        "reminder_sweep_s": round(seconds, 2),
        "reminder_sweep_queries": queries,
        "reminder_sweep_queries_small": small_queries,
        "reminder_sweep_emails": emails,
        "reminder_sweep_claims": ReminderLog.objects.filter(due_date=big_day).count(),
    }
