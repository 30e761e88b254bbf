"""The 100,000-activity pass: the coalition grown tenfold, then the pages and downloads that
could grow with it timed again, their memory peaks taken, and the load test run on the
cached anonymous pages (front page, matrix, map data).

Pages are timed with the public cache off, as every page figure of the bench: they say what
rendering costs (and that it no longer grows). The load test runs gunicorn as deployed, with
the cache on: it says what visitors get.
"""

import contextlib
import ctypes
import datetime
import gc
import re
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Count, Exists, OuterRef

from activities import tallies
from activities.models import Activity, ActivityAgency
from agencies.models import Agency
from devtools.benchmarks import exports, imports, load, overview, pages
from devtools.benchmarks.core import (
    BenchContext,
    Figures,
    NotMeasured,
    consume,
    fetch,
    url_for,
)
from devtools.synthetic import add_activities
from overview.worldmap import lead_rows

GROWN_TO = 100_000
PAGE_REPEATS = 10
LOAD_PATHS = ("/", "/matrix/", "/map/data/")


def grow(ctx: BenchContext) -> float:
    """Add activities up to GROWN_TO; seconds it took (VACUUM ANALYZE included)."""
    missing = GROWN_TO - Activity.objects.count()
    started = time.perf_counter()
    if missing > 0:
        ctx.progress(f"100k: adding {missing:,} activities...")
        add_activities(missing)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return round(time.perf_counter() - started, 1)


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(seconds, CPU seconds of this process) of one run."""
    started, cpu = time.perf_counter(), time.process_time()
    work()
    return round(time.perf_counter() - started, 2), round(time.process_time() - cpu, 2)


def peak_mb(work: Callable[[], object]) -> float:
    """Megabytes the process's resident memory rose to above where it was, during one run.

    Linux resets the high-water mark on request (/proc/self/clear_refs), at no cost to the
    run: tracemalloc, which the 10,000 import's figure uses, makes a 100,000-row import
    several times slower. Elsewhere, tracemalloc's peak of Python's allocations.
    """
    status = Path("/proc/self/status")
    try:
        gc.collect()
        trim_malloc()
        before = status_kb(status, "VmRSS")
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return traced_peak_mb(work)
    work()
    return round((status_kb(status, "VmHWM") - before) / 1024, 1)


def status_kb(status: Path, name: str) -> int:
    found = re.search(rf"^{name}:\s+(\d+) kB", status.read_text(), re.MULTILINE)
    if not found:
        raise OSError(f"no {name} in {status}")
    return int(found.group(1))


def trim_malloc() -> None:
    """Give freed memory back to the system, so that the run starts from what is in use."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def traced_peak_mb(work: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        work()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return round(peak / 1024 / 1024, 1)


def bench_growth(ctx: BenchContext) -> Figures:
    figures: Figures = {"build_100k_s": grow(ctx)}
    figures["activities_100k"] = Activity.objects.count()
    small_repeats, ctx.repeats = ctx.repeats, PAGE_REPEATS
    try:
        ctx.progress("100k: timing the pages...")
        for name, run in (
            ("front_page", overview.bench_front_page),
            ("map_data", overview.bench_map_data),
            ("matrix", pages.bench_matrix),
            ("country", pages.bench_country),
            ("dashboard", overview.bench_dashboard),
        ):
            cpu = time.process_time()
            found = run(ctx)
            # This process's CPU per request (PostgreSQL's not counted): steadier than the
            # wall-clock p50 on a shared machine. map_data times two pages, hence 2.
            requests = (ctx.warmup + ctx.repeats + 1) * (2 if name == "map_data" else 1)
            cpu_ms = (time.process_time() - cpu) * 1000 / requests
            figures[f"{name}_100k_p50_ms"] = found[f"{name}_p50_ms"]
            figures[f"{name}_100k_queries"] = found.get(f"{name}_queries")
            figures[f"{name}_100k_cpu_ms"] = round(cpu_ms, 1)
    finally:
        ctx.repeats = small_repeats
    figures.update(whole_matrix_counts())
    figures.update(downloads(ctx))
    figures.update(load_anonymous(ctx))
    figures.update(import_100k(ctx))
    return figures


def whole_matrix_counts() -> Figures:
    """The front page's and the whole map's counts as they were read before the tallies
    (grouped over every activity) and as they are read now: the part of the page that grew."""

    def counted() -> None:
        year = datetime.date.today().year
        Activity.objects.order_by().values("country_id").distinct().count()
        Agency.objects.filter(Exists(ActivityAgency.objects.filter(agency=OuterRef("pk")))).count()
        Activity.objects.in_year(year).count()
        list(Activity.objects.order_by().values_list("country_id").annotate(n=Count("pk")))
        list(lead_rows(Activity.objects.order_by()))

    def tallied() -> None:
        year = datetime.date.today().year
        tallies.countries_with_activities()
        tallies.agencies_taking_part()
        tallies.running_in(year)
        tallies.country_counts()
        tallies.lead_counts()

    def best_ms(work: Callable[[], None]) -> float:
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            work()
            timings.append((time.perf_counter() - started) * 1000)
        return round(min(timings), 1)

    return {
        "whole_matrix_counts_direct_100k_ms": best_ms(counted),
        "whole_matrix_counts_tallies_100k_ms": best_ms(tallied),
    }


def downloads(ctx: BenchContext) -> Figures:
    from activities.exports import export_response

    def export() -> int:
        response = export_response(
            exports.matrix_queryset(), "xlsx", include_contacts=True, filename="bench"
        )
        return consume(response)

    ctx.progress("100k: the XLSX export, its raw floor, the IATI file...")
    export_s, export_cpu = timed(export)
    raw_s, _raw_cpu = timed(exports.raw_export)
    iati_url = url_for("api:iati")
    iati_s, iati_cpu = timed(lambda: fetch(ctx.client, iati_url))
    ctx.progress("100k: peak memory of the export and the IATI file (resident, untimed)...")
    return {
        "export_xlsx_100k_s": export_s,
        "export_xlsx_100k_cpu_s": export_cpu,
        "export_xlsx_raw_100k_s": raw_s,
        "export_xlsx_100k_vs_raw": round(export_s / raw_s, 2) if raw_s else None,
        "iati_export_100k_s": iati_s,
        "iati_export_100k_cpu_s": iati_cpu,
        "export_peak_100k_mb": peak_mb(export),
        "iati_peak_100k_mb": peak_mb(lambda: fetch(ctx.client, iati_url)),
    }


def load_anonymous(ctx: BenchContext) -> Figures:
    found = load.load_run(ctx, LOAD_PATHS)
    return {
        "load_anon_rps": found["rps"],
        "load_anon_p95_ms": found["p95_ms"],
        "load_anon_p50_ms": found["p50_ms"],
        "load_anon_errors": found["errors"],
        "load_anon_cpu_ms": found["cpu_ms"],
    }


def import_100k(ctx: BenchContext) -> Figures:
    user = User.objects.filter(is_superuser=True).first()
    if user is None:
        raise NotMeasured("no superuser to import as")
    count = Activity.objects.count()
    ctx.progress("100k: the import of the whole matrix, every row changed...")
    changed = imports.matrix_xlsx(lambda title: f"{title} (100k)")
    started, cpu = time.perf_counter(), time.process_time()
    job = imports.import_once(user, changed, "bench-100k.xlsx")
    import_s = round(time.perf_counter() - started, 2)
    import_cpu = round(time.process_time() - cpu, 2)
    if job.updated_count != count:
        raise NotMeasured(f"100k import changed {job.updated_count} of {count} rows")
    del changed
    ctx.progress("100k: the import's peak memory (resident, untimed)...")
    again = imports.matrix_xlsx(lambda title: f"{title}!")
    return {
        "import_xlsx_100k_s": import_s,
        "import_xlsx_100k_cpu_s": import_cpu,
        "import_peak_100k_mb": peak_mb(lambda: imports.import_once(user, again, "bench-p.xlsx")),
    }
