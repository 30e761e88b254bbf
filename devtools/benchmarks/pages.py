"""Page timings: each function returns its figures; n/a (None) if a page could not be measured."""

from urllib.parse import urlencode

from devtools.benchmarks.core import BenchContext, Figures, time_page, url_for


def bench_matrix(ctx: BenchContext) -> Figures:
    ctx.progress("timing the matrix...")
    timing = time_page(ctx, url_for("activities:matrix"))
    return {
        "matrix_p50_ms": timing.p50_ms,
        "matrix_p95_ms": timing.p95_ms,
        "matrix_queries": timing.queries,
    }


def bench_matrix_filtered(ctx: BenchContext) -> Figures:
    ctx.progress("timing the filtered matrix...")
    query = urlencode(
        {"region": "africa", "status": "ongoing", "agency": ctx.busy_agency, "guarantee": "health"}
    )
    timing = time_page(ctx, url_for("activities:matrix", query=query))
    return {"matrix_filtered_p50_ms": timing.p50_ms}


def bench_grid(ctx: BenchContext) -> Figures:
    ctx.progress("timing the grid...")
    timing = time_page(ctx, url_for("activities:grid"))
    return {"grid_p50_ms": timing.p50_ms}


def bench_country(ctx: BenchContext) -> Figures:
    ctx.progress(f"timing the country page ({ctx.busy_country_alpha3})...")
    url = url_for("countries:detail", kwargs={"code": ctx.busy_country_alpha3})
    timing = time_page(ctx, url)
    return {"country_p50_ms": timing.p50_ms, "country_queries": timing.queries}


def bench_admin_activity_changelist(ctx: BenchContext) -> Figures:
    ctx.progress("timing the admin's activity list...")
    url = url_for("admin:activities_activity_changelist")
    timing = time_page(ctx, url, client=ctx.admin_client)
    return {
        "admin_activity_changelist_p50_ms": timing.p50_ms,
        "admin_activity_changelist_queries": timing.queries,
    }
