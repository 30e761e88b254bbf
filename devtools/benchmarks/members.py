"""Members' figures: "my agency's rows" at 500 activities and at 5 (same queries), and the
cost of confirming a row in an update round.

The bench makes its own two agencies (500 and 5 activities, all led by them, an open round
asking the big one with half its rows answered) and removes them afterwards, so the other
figures do not depend on the order the benches run in.
"""

import datetime
import time

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import Membership
from activities.models import Activity, ActivityAgency, ActivityType, Role
from agencies.models import Agency, AgencyKind
from countries.models import Country
from devtools.benchmarks.core import (
    BenchContext,
    Figures,
    NotMeasured,
    consume,
    percentile,
    time_page,
    url_for,
)
from rounds.models import Outcome, RoundAgency, RowConfirmation, UpdateRound

BIG, SMALL = 500, 5


def _agency_with(acronym: str, count: int, countries: list[Country]) -> Agency:
    agency = Agency.objects.create(acronym=acronym, name=f"{acronym} bench", kind=AgencyKind.NGO)
    activities = Activity.objects.bulk_create(
        Activity(
            country=countries[n % len(countries)],
            title=f"{acronym} activity {n}",
            activity_type=ActivityType.TECHNICAL_ASSISTANCE,
            start_date=datetime.date(2020 + n % 5, 1 + n % 12, 1),
        )
        for n in range(count)
    )
    ActivityAgency.objects.bulk_create(
        ActivityAgency(activity=activity, agency=agency, role=Role.LEAD) for activity in activities
    )
    return agency


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        consume(response)
    if response.status_code != 200:
        raise NotMeasured(f"GET {url} answered {response.status_code}")
    return len(captured)


def _time_post(ctx: BenchContext, client: Client, url: str) -> float:
    """p50 of an htmx POST (what the checklist's button sends)."""
    samples = []
    for n in range(ctx.warmup + ctx.repeats):
        started = time.perf_counter()
        response = client.post(url, HTTP_HX_REQUEST="true")
        consume(response)
        if response.status_code != 200:
            raise NotMeasured(f"POST {url} answered {response.status_code}")
        if n >= ctx.warmup:
            samples.append((time.perf_counter() - started) * 1000)
    return round(percentile(samples, 50), 1)


def bench_members(ctx: BenchContext) -> Figures:
    ctx.progress(f"timing my agency's rows ({BIG} activities, and {SMALL})...")
    countries = list(Country.objects.order_by("pk")[:40])
    if not countries:
        raise NotMeasured("no countries in the bench database")
    url = url_for("activities:my_rows")
    with transaction.atomic():
        big = _agency_with("BENCH-BIG", BIG, countries)
        small = _agency_with("BENCH-SMALL", SMALL, countries)
        member = User.objects.create_user("bench-member", "member@example.org", "bench-pw-123")
        Membership.objects.bulk_create(
            [Membership(profile=member.profile, agency=a) for a in (big, small)]
        )
        update_round = UpdateRound.objects.create(title="Bench round", deadline="2099-12-31")
        part = RoundAgency.objects.create(round=update_round, agency=big)
        # Both asked, so that both pages do the same work (the round column).
        RoundAgency.objects.create(round=update_round, agency=small)
        rows = list(Activity.objects.with_agency(big.pk).values_list("pk", flat=True))
        RowConfirmation.objects.bulk_create(
            RowConfirmation(
                round=update_round, agency=big, activity_id=pk, outcome=Outcome.CONFIRMED
            )
            for pk in rows[::2]
        )
    client = Client()
    client.force_login(member)
    figures: Figures = {}
    try:
        timing = time_page(ctx, f"{url}?agency={big.acronym}", client=client)
        figures["my_rows_p50_ms"] = timing.p50_ms
        figures["my_rows_queries"] = timing.queries
        figures["my_rows_queries_small"] = _queries(client, f"{url}?agency={small.acronym}")
        confirm = url_for("rounds:confirm_row", kwargs={"part_id": part.pk, "activity_id": rows[1]})
        ctx.progress("timing a row confirmation...")
        figures["confirm_row_p50_ms"] = _time_post(ctx, client, confirm)
    finally:
        with transaction.atomic():
            update_round.delete()
            Activity.objects.filter(participations__agency__in=[big, small]).delete()
            member.delete()
            Agency.objects.filter(pk__in=[big.pk, small.pk]).delete()
    return figures
