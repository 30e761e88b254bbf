"""`manage.py bench`: build a synthetic coalition in a throwaway PostgreSQL database, time the
pages and exports, print a table and, as the last line, one JSON object of figures.

The database is created next to the configured one (spf_bench_<pid>) with Django's own
test-database machinery, migrated, and dropped at the end, even when something fails.
"""

import json
import os
import sys
import time
import warnings

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import OperationalError, connection
from django.db.models import Count
from django.test import Client
from django.test.utils import override_settings
from django_countries import countries as iso_countries

from activities.models import Activity, ActivityAgency, Scope
from devtools.benchmarks import BenchContext, Figures, run_benches
from devtools.synthetic import build_coalition


class Command(BaseCommand):
    help = "Time the hub's pages and exports on 10,000 synthetic activities (PostgreSQL only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--activities", type=int, default=10_000)
        parser.add_argument("--repeats", type=int, default=30, help="timed requests per page")
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            metavar="TEXT",
            help="run only the benches with a figure whose key contains TEXT (repeatable); "
            "for a developer's quick look, the full run is the one to report",
        )
        parser.add_argument(
            "--keep-db",
            metavar="NAME",
            help="use the bench database NAME if it exists (no build), else build it; keep it "
            "afterwards: a developer's profiling loop on data built once (the full run, the one "
            "to report, builds and drops its own)",
        )

    def handle(
        self,
        *args,
        activities: int,
        repeats: int,
        only: list[str],
        keep_db: str | None,
        **options,
    ) -> None:
        if connection.vendor != "postgresql":
            raise CommandError(
                "The bench runs on PostgreSQL only: set DATABASE_URL=postgres://... "
                f"(the configured database is {connection.vendor})."
            )
        started = time.perf_counter()
        keep = bool(keep_db)
        connection.settings_dict["TEST"]["NAME"] = keep_db or f"spf_bench_{os.getpid()}"
        progress(f"creating and migrating {connection.settings_dict['TEST']['NAME']}...")
        try:
            old_name = connection.creation.create_test_db(
                verbosity=0, autoclobber=True, serialize=False, keepdb=keep
            )
        except OperationalError as error:
            raise CommandError(f"Cannot create the bench database: {error}") from error
        # WhiteNoise warns on every new Client when collectstatic has not run: not our concern.
        warnings.filterwarnings("ignore", message="No directory at")
        try:
            # Production-like: no debug pages, no SQL kept in memory between requests. Pages
            # are timed rendering, not served from the public cache (the load test has it).
            with override_settings(
                DEBUG=False, ALLOWED_HOSTS=["testserver"], SPF_PUBLIC_CACHE=False
            ):
                figures, notes = self.measure(activities, repeats, only)
        finally:
            if not keep:
                progress("dropping the bench database...")
            connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=keep)
        figures["total_s"] = round(time.perf_counter() - started, 1)
        self.stdout.write(format_table(figures))
        for note in notes:
            self.stdout.write(f"n/a: {note}")
        # Last line, for scripts: one JSON object (None for a figure not measured).
        self.stdout.write(json.dumps(figures))

    def measure(self, activities: int, repeats: int, only: list[str]) -> tuple[Figures, list[str]]:
        progress("timing this machine on a fixed pure-Python workload...")
        machine_s = machine_speed()
        build_s = None
        if Activity.objects.exists():
            progress("a kept bench database: its coalition as it was left")
        else:
            progress(f"building a coalition of {activities:,} activities...")
            started = time.perf_counter()
            counts = build_coalition(activities=activities)
            build_s = round(time.perf_counter() - started, 1)
            progress("  " + ", ".join(f"{count:,} {name}" for name, count in counts.items()))
            progress(f"  built in {build_s} s; VACUUM ANALYZE...")
            with connection.cursor() as cursor:
                # Fresh bulk-loaded tables have no statistics yet; a live database would.
                cursor.execute("VACUUM ANALYZE")

        admin = User.objects.filter(username="bench").first() or User.objects.create_superuser(
            "bench", "bench@example.org", "bench-password"
        )
        admin_client = Client()
        admin_client.force_login(admin)
        ctx = BenchContext(
            client=Client(),
            admin_client=admin_client,
            busy_country_alpha3=busiest_country_alpha3(),
            busy_agency=busiest_agency(),
            repeats=repeats,
        )
        figures = run_benches(ctx, only=only)
        share = multi_country_share()
        return {
            "machine_s": machine_s,
            "build_s": build_s,
            "multi_country_share": share,
            **figures,
        }, ctx.notes


def multi_country_share() -> float:
    """The fraction of the activities that are multi-country, regional or global: the
    places the pages must show besides one country's own rows."""
    total = Activity.objects.count()
    beyond = Activity.objects.exclude(scope=Scope.COUNTRY).count()
    return round(beyond / total, 3) if total else 0.0


def machine_speed(items: int = 1_000_000) -> float:
    """Seconds for a fixed pure-Python workload, best of three: a million small dicts of an
    int and a string, the kind of allocation-heavy work pages, exports and imports do. Machines
    (and their neighbours at the time) differ by two or three times at this; the figure
    lets two runs be compared."""
    best = float("inf")
    for _attempt in range(3):
        started = time.perf_counter()
        rows = [{"n": number, "text": str(number)} for number in range(items)]
        best = min(best, time.perf_counter() - started)
        del rows
    return round(best, 2)


def busiest_country_alpha3() -> str:
    row = (
        # Regional and global activities have no country: the busiest is a country.
        Activity.objects.filter(country__isnull=False)
        .values("country__code")
        .annotate(n=Count("id"))
        .order_by("-n", "country__code")
        .first()
    )
    return iso_countries.alpha3(row["country__code"]) if row else ""


def busiest_agency() -> str:
    row = (
        ActivityAgency.objects.values("agency__acronym")
        .annotate(n=Count("id"))
        .order_by("-n", "agency__acronym")
        .first()
    )
    return row["agency__acronym"] if row else ""


def format_table(figures: Figures) -> str:
    width = max(len(key) for key in figures)
    lines = [f"{'figure':<{width}}  value", f"{'-' * width}  {'-' * 10}"]
    for key, value in figures.items():
        shown = "n/a" if value is None else f"{value:,}"
        lines.append(f"{key:<{width}}  {shown:>10}")
    return "\n".join(lines)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
