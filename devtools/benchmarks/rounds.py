"""The matrix as of a date, what changed between two rounds, and a round's report.

The synthetic coalition is written with bulk_create, so it has no history: the first of
these benches writes one (every activity and agency link recorded 60 days ago, then 1,000
activities revised 20 days ago by one person) and two closed rounds around those dates. Only
historical tables and rounds are written: the live rows the other benches read stay as built.
"""

import datetime

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Count
from django.utils import timezone

from activities.models import Activity, ActivityAgency, ActivityStatus
from agencies.models import Agency
from devtools.benchmarks.core import BenchContext, Figures, best_of, fetch, time_page, url_for
from rounds.models import RoundAgency, UpdateRound

CHANGED_ROWS = 1000
REPORT_RUNS = 3
BATCH = 2000


def moments() -> tuple[datetime.datetime, datetime.datetime]:
    now = timezone.now()
    return now - datetime.timedelta(days=60), now - datetime.timedelta(days=20)


def ensure_history(ctx: BenchContext) -> tuple[UpdateRound, UpdateRound]:
    """The history and the two rounds, written once per bench database."""
    found = list(UpdateRound.objects.filter(title__startswith="Bench round").order_by("pk"))
    if len(found) == 2:
        return found[0], found[1]
    ctx.progress("writing a history for the synthetic matrix (once)...")
    created, revised = moments()
    user = User.objects.filter(is_superuser=True).first()
    activities = list(Activity.objects.order_by("pk"))
    Activity.history.bulk_history_create(
        activities, batch_size=BATCH, default_user=user, default_date=created
    )
    ActivityAgency.history.bulk_history_create(
        list(ActivityAgency.objects.all()), batch_size=BATCH, default_date=created
    )
    changed = activities[:: max(1, len(activities) // CHANGED_ROWS)][:CHANGED_ROWS]
    for activity in changed:
        activity.title = f"{activity.title} (revised)"
        activity.status = ActivityStatus.COMPLETED
        activity.version += 1
    Activity.history.bulk_history_create(
        changed, batch_size=BATCH, update=True, default_user=user, default_date=revised
    )
    rounds = []
    for number, closed in ((1, created), (2, revised)):
        update_round = UpdateRound.objects.create(
            title=f"Bench round {number}", deadline=closed.date(), opened_by=user
        )
        UpdateRound.objects.filter(pk=update_round.pk).update(
            opened_at=closed - datetime.timedelta(days=10),
            closed_at=closed + datetime.timedelta(days=1),
        )
        RoundAgency.objects.bulk_create(
            RoundAgency(round=update_round, agency=agency, submitted_at=closed)
            for agency in Agency.objects.filter(is_member=True)
        )
        update_round.refresh_from_db()
        rounds.append(update_round)
    with connection.cursor() as cursor:
        # As a live database would have: statistics of the tables just filled.
        for model in (
            Activity.history.model,
            ActivityAgency.history.model,
            UpdateRound,
            RoundAgency,
        ):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return rounds[0], rounds[1]


def small_filter() -> str:
    """A country and type with about five activities, for the small page's query count."""
    pair = (
        Activity.objects.filter(country__isnull=False)
        .values("country__code", "activity_type")
        .annotate(n=Count("pk"))
        .filter(n__gte=4, n__lte=6)
        .order_by("country__code", "activity_type")
        .first()
    )
    if pair is None:
        return ""
    return f"&country={pair['country__code']}&type={pair['activity_type']}"


def bench_matrix_as_of(ctx: BenchContext) -> Figures:
    first, _second = ensure_history(ctx)
    ctx.progress("timing the matrix as of a round's close...")
    as_of = timezone.localtime(first.closed_at).date().isoformat()
    large = time_page(ctx, url_for("activities:matrix", query=f"as_of={as_of}"))
    small = time_page(ctx, url_for("activities:matrix", query=f"as_of={as_of}{small_filter()}"))
    return {
        "matrix_as_of_p50_ms": large.p50_ms,
        "matrix_as_of_queries": large.queries,
        "matrix_as_of_queries_small": small.queries,
    }


def bench_round_diff(ctx: BenchContext) -> Figures:
    first, second = ensure_history(ctx)
    ctx.progress(f"timing what changed between two rounds ({CHANGED_ROWS} rows)...")
    url = url_for("rounds:diff", kwargs={"round_id": second.pk}, query=f"against={first.pk}")
    return {"round_diff_1k_s": best_of(REPORT_RUNS, lambda: fetch(ctx.admin_client, url))}


def bench_round_report(ctx: BenchContext) -> Figures:
    _first, second = ensure_history(ctx)
    ctx.progress("timing a round's report (page and workbook)...")
    page = url_for("rounds:report", kwargs={"round_id": second.pk})
    workbook = url_for("rounds:report", kwargs={"round_id": second.pk}, query="format=xlsx")

    def both() -> None:
        fetch(ctx.admin_client, page)
        fetch(ctx.admin_client, workbook)

    return {"round_report_s": best_of(REPORT_RUNS, both)}
