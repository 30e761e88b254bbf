"""Import timings: the whole matrix back in as XLSX, every row changed, then unchanged.

Each run goes through the same functions as the upload page and the Celery task
(imports.jobs): the dry run (preview), then the apply in one transaction.
"""

import time
import tracemalloc
from collections.abc import Callable

from django.contrib.auth.models import User

from activities.exports import ActivityTable
from activities.models import Activity
from core.spreadsheets.xlsx import render_xlsx
from devtools.benchmarks.core import BenchContext, Figures, NotMeasured


def matrix_xlsx(edit: Callable[[str], str] | None = None) -> bytes:
    """The whole matrix as its XLSX download, titles passed through `edit`."""
    table = ActivityTable(Activity.objects.order_by("pk"), include_contacts=True)
    rows = table.iter_table()
    header = next(rows)
    title = header.index(str(table.resource.fields["title"].column_name))

    def edited():
        yield header
        for row in rows:
            if edit is not None:
                row[title] = edit(row[title])
            yield row

    return render_xlsx(edited(), "SPF activities")


def import_once(user: User, data: bytes, name: str) -> "object":
    from imports.jobs import apply_job, preview_job
    from imports.models import ImportJob

    job = ImportJob.objects.create(user=user, file_name=name, file_data=data, file_size=len(data))
    preview_job(job)
    # Read back as the job's page reads it: without the file and the checked rows.
    as_the_page_reads = ImportJob.objects.defer("file_data", "checked_rows")
    job = as_the_page_reads.get(pk=job.pk)
    if job.error or job.error_count:
        raise NotMeasured(f"bench import failed: {job.error or job.preview['rows'][:1]}")
    if job.can_apply:
        apply_job(job.pk)
        job = as_the_page_reads.get(pk=job.pk)
    return job


def bench_import(ctx: BenchContext) -> Figures:
    try:
        import imports.jobs  # noqa: F401
    except ImportError as error:
        raise NotMeasured("imports is not importable yet") from error
    user = User.objects.filter(is_superuser=True).first()
    if user is None:
        raise NotMeasured("no superuser to import as")
    count = Activity.objects.count()

    ctx.progress("timing the import of the whole matrix, every row changed...")
    changed = matrix_xlsx(lambda title: f"{title} (edited)")
    started = time.perf_counter()
    job = import_once(user, changed, "bench-changed.xlsx")
    import_s = round(time.perf_counter() - started, 2)
    if job.updated_count != count:
        raise NotMeasured(f"bench import changed {job.updated_count} of {count} rows")

    ctx.progress("timing the re-import of an unchanged export...")
    same = matrix_xlsx()
    started = time.perf_counter()
    job = import_once(user, same, "bench-unchanged.xlsx")
    reimport_s = round(time.perf_counter() - started, 2)
    if job.changed_count or job.new_count:
        raise NotMeasured("re-importing an export changed rows")

    ctx.progress("measuring the import's peak memory (tracemalloc, untimed)...")
    again = matrix_xlsx(lambda title: f"{title}!")
    tracemalloc.start()
    try:
        import_once(user, again, "bench-memory.xlsx")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {
        "import_xlsx_10k_s": import_s,
        "reimport_unchanged_10k_s": reimport_s,
        "import_peak_mb": round(peak / 1024 / 1024, 1),
    }
