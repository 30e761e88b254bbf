"""The API's list of activities (a page of 100 with countries and agencies) and the IATI
export of the whole matrix."""

from devtools.benchmarks.core import BenchContext, Figures, best_of, fetch, time_page, url_for

IATI_RUNS = 3


def bench_api_activities(ctx: BenchContext) -> Figures:
    ctx.progress("timing the API's activity list (100 and 10 a page)...")
    # The logged-in client: the answer carries contact fields, the heavier case.
    large = time_page(ctx, url_for("api:activity-list", query="page_size=100"), ctx.admin_client)
    small = time_page(ctx, url_for("api:activity-list", query="page_size=10"), ctx.admin_client)
    return {
        "api_activities_p50_ms": large.p50_ms,
        "api_activities_queries": large.queries,
        "api_activities_queries_small": small.queries,
    }


def bench_iati_export(ctx: BenchContext) -> Figures:
    ctx.progress("timing the IATI XML export of the whole matrix...")
    url = url_for("api:iati")
    return {"iati_export_10k_s": best_of(IATI_RUNS, lambda: fetch(ctx.client, url))}
