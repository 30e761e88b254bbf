"""The results' open data at scale (synthetic results: two indicators on every activity,
four periods, each value split by sex; devtools.benchmarks.results_data): the XLSX download
of every value and the IATI file of the whole matrix with its results."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from devtools.benchmarks.core import BenchContext, Figures, best_of, fetch, url_for
from devtools.benchmarks.growth import peak_mb
from devtools.benchmarks.results_data import make_results
from results.models import ActivityIndicator, ResultValue, Target, ValuePart

RUNS = 3


def ensure_results(ctx: BenchContext) -> None:
    """Make the synthetic results once per bench database (other benches use them too)."""
    if ResultValue.objects.exists():
        return
    ctx.progress("making the synthetic results (2 indicators an activity, 4 periods, by sex)...")
    counts = make_results()
    ctx.progress("  " + ", ".join(f"{count:,} {name}" for name, count in counts.items()))
    with connection.cursor() as cursor:
        # Fresh bulk-loaded tables have no statistics yet; a live database would.
        for model in (ActivityIndicator, Target, ResultValue, ValuePart):
            cursor.execute(f"ANALYZE {model._meta.db_table}")


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
