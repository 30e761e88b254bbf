"""Results as the public and the secretariat see them, with the synthetic results
(devtools.benchmarks.results_data: two indicators on every activity, four periods, values by
sex): the busiest country's page with its results section, a country with few values (the
same number of queries), the dashboard with its results charts, the front page with its
results figures."""

from django.db import connection
from django.db.models import Count

from core.public_cache import data_changed
from countries.models import Country
from devtools.benchmarks.core import BenchContext, Figures, NotMeasured, time_page, url_for
from results.models import ResultValue


def with_results(ctx: BenchContext) -> None:
    from devtools.benchmarks.results_data import make_results

    if not ResultValue.objects.exists():
        ctx.progress("making the synthetic results...")
        make_results()
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
    with_results(ctx)
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
    with_results(ctx)
    ctx.progress("timing the dashboard with its results...")
    timing = time_page(ctx, url_for("overview:dashboard"), client=ctx.admin_client)
    return {"results_dashboard_p50_ms": timing.p50_ms, "results_dashboard_queries": timing.queries}
