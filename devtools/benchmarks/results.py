"""Results at scale, with the synthetic results (devtools.benchmarks.results_data: two
indicators on every activity, four periods, values by sex): the busiest country's page with
its results section, a country with few values (the same number of queries), the dashboard
with its results charts, the front page with its results figures, the XLSX download of every
value and the IATI file of the whole matrix with its results."""

from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from core.public_cache import data_changed
from countries.models import Country
from devtools.benchmarks.core import (
    BenchContext,
    Figures,
    NotMeasured,
    best_of,
    fetch,
    time_page,
    url_for,
)
from devtools.benchmarks.growth import peak_mb
from devtools.benchmarks.results_data import make_results
from results.models import ResultValue, ValuePart

RUNS = 3


def ensure_results(ctx: BenchContext) -> None:
    """Make the synthetic results once per bench database (every results figure uses them)."""
    if not ResultValue.objects.exists():
        ctx.progress(
            "making the synthetic results (2 indicators an activity, 4 periods, by sex)..."
        )
        counts = make_results()
        ctx.progress("  " + ", ".join(f"{count:,} {name}" for name, count in counts.items()))
        # Written in bulk, without signals: what was worked out from the data before is stale.
        data_changed()
        with connection.cursor() as cursor:
            # Fresh bulk-loaded tables have no statistics yet; a live database would.
            cursor.execute("VACUUM ANALYZE")
    if not ResultValue.objects.exists():
        raise NotMeasured("no synthetic results were made")


def small_country(busy: Country) -> Country:
    """The country with the fewest values (at least one activity with an indicator)."""
    found = (
        Country.objects.annotate(n=Count("activities__indicators__values"))
        .filter(n__gt=0)
        .exclude(pk=busy.pk)
        .order_by("n", "pk")
        .first()
    )
    if found is None:
        raise NotMeasured("no second country with results")
    return found


def bench_results_pages(ctx: BenchContext) -> Figures:
    ensure_results(ctx)
    ctx.progress("timing the country page with its results...")
    busy = Country.objects.by_code(ctx.busy_country_alpha3)
    small = small_country(busy)
    page = time_page(ctx, url_for("countries:detail", kwargs={"code": busy.alpha3}))
    small_page = time_page(ctx, url_for("countries:detail", kwargs={"code": small.alpha3}))
    public = time_page(ctx, url_for("overview:country_results", kwargs={"code": busy.alpha3}))
    ctx.progress("timing the front page with its results figures...")
    front = time_page(ctx, url_for("overview:home"))
    return {
        "results_country_p50_ms": page.p50_ms,
        "results_country_queries": page.queries,
        "results_country_queries_small": small_page.queries,
        "results_page_p50_ms": public.p50_ms,
        "results_front_page_p50_ms": front.p50_ms,
    }


def bench_results_dashboard(ctx: BenchContext) -> Figures:
    ensure_results(ctx)
    ctx.progress("timing the dashboard with its results...")
    timing = time_page(ctx, url_for("overview:dashboard"), client=ctx.admin_client)
    return {"results_dashboard_p50_ms": timing.p50_ms, "results_dashboard_queries": timing.queries}


def bench_results_export(ctx: BenchContext) -> Figures:
    ensure_results(ctx)
    ctx.progress("timing the XLSX download of every result value...")
    # The superuser's download: every value, drafts too (an anonymous one has the approved).
    url = url_for("results_data:download", query="format=xlsx")
    seconds = best_of(RUNS, lambda: fetch(ctx.admin_client, url))
    with CaptureQueriesContext(connection) as captured:
        fetch(ctx.admin_client, url)
    return {
        "results_export_xlsx_s": seconds,
        "results_export_values": ResultValue.objects.count(),
        "results_export_parts": ValuePart.objects.count(),
        "results_export_queries": len(captured),
    }


def bench_iati_results(ctx: BenchContext) -> Figures:
    ensure_results(ctx)
    ctx.progress("timing the IATI file of the whole matrix with its approved results...")
    url = url_for("api:iati")
    seconds = best_of(RUNS, lambda: fetch(ctx.client, url))
    ctx.progress("  its peak memory (resident, untimed)...")
    return {
        "iati_results_10k_s": seconds,
        "iati_results_peak_mb": peak_mb(lambda: fetch(ctx.client, url)),
    }
