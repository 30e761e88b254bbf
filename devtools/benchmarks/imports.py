"""Import timings: the whole matrix back in as XLSX, every row changed, then unchanged; and a
peer (django-import-export's own import of the same file).

Each run of the hub goes through the same functions as the upload page and the Celery task
(imports.jobs): the dry run (preview), then the apply in one transaction.
"""

import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django_countries import countries as iso_countries
from import_export import resources, widgets
from import_export.fields import Field
from import_export.formats.base_formats import XLSX

from activities.exports import ActivityTable
from activities.models import Activity, ActivityAgency, ActivityStatus, ActivityType, Role, Tool
from agencies.models import Agency, FocalPoint
from core.spreadsheets.xlsx import render_xlsx
from countries.models import Country
from devtools.benchmarks.core import BenchContext, Figures, NotMeasured
from imports.jobs import apply_job, preview_job
from imports.models import ImportJob


def matrix_xlsx(
    edit: Callable[[str], str] | None = None, queryset: QuerySet[Activity] | None = None
) -> bytes:
    """The whole matrix (or `queryset`) as its XLSX download, titles passed through `edit`."""
    queryset = Activity.objects.order_by("pk") if queryset is None else queryset
    table = ActivityTable(queryset, include_contacts=True)
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


def import_once(user: User, data: bytes, name: str) -> ImportJob:
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


# The peer ---------------------------------------------------------------------------------

# The peer imports this many rows of the file; its time is scaled to the whole file.
PEER_ROWS = 2000


class Alpha3Widget(widgets.ForeignKeyWidget):
    """The file's alpha-3 code to the Country row (stored by its alpha-2 code)."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        return super().clean(iso_countries.alpha2(value) if value else value, row, **kwargs)


class LabelWidget(widgets.Widget):
    """A choice written by its label, as the file shows it."""

    def __init__(self, choices: Any) -> None:
        super().__init__()
        self.codes = {str(label): code for code, label in choices.choices}

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        return self.codes[value]


class YesNoWidget(widgets.BooleanWidget):
    TRUE_VALUES = [*widgets.BooleanWidget.TRUE_VALUES, "yes"]
    FALSE_VALUES = [*widgets.BooleanWidget.FALSE_VALUES, "no"]


def text() -> widgets.CharWidget:
    return widgets.CharWidget(allow_blank=True)  # an empty cell is "" (the columns are NOT NULL)


def flag(attribute: str, header: str) -> Field:
    return Field(attribute, column_name=header, widget=YesNoWidget())


def tools(attribute: str, header: str) -> Field:
    widget = widgets.ManyToManyWidget(Tool, separator=";", field="name")
    return Field(attribute, column_name=header, widget=widget)


# The agency columns of the file, one per role.
PEER_ROLES = {
    "Lead agency": Role.LEAD,
    "Co-lead agencies": Role.CO_LEAD,
    "Partner agencies": Role.PARTNER,
    "Funding agencies": Role.FUNDER,
}


class PeerActivityImport(resources.ModelResource):
    """The same columns as a plain django-import-export ModelResource imports them: widgets
    for the foreign keys and many-to-many fields, the reference as the import id, and the
    agencies (a through model with a role, which no widget writes) set after each save."""

    reference = Field("reference", column_name="Reference", widget=widgets.CharWidget())
    country = Field("country", column_name="Country code", widget=Alpha3Widget(Country, "code"))
    title = Field("title", column_name="Title", widget=text())
    description = Field("description", column_name="Description", widget=text())
    activity_type = Field("activity_type", column_name="Type", widget=LabelWidget(ActivityType))
    status = Field("status", column_name="Status", widget=LabelWidget(ActivityStatus))
    covers_health = flag("covers_health", "Essential health care")
    covers_children = flag("covers_children", "Income security for children")
    covers_working_age = flag("covers_working_age", "Income security in working age")
    covers_older_persons = flag("covers_older_persons", "Income security for older persons")
    start_date = Field("start_date", column_name="Start date", widget=widgets.DateWidget())
    end_date = Field("end_date", column_name="End date", widget=widgets.DateWidget())
    focal_point = Field(
        "focal_point",
        column_name="Focal point",
        widget=widgets.ForeignKeyWidget(FocalPoint, "name"),
    )
    tools_used = tools("tools_used", "Tools used")
    tools_needed = tools("tools_needed", "Tools needed")
    funding = Field("funding", column_name="Funding", widget=text())

    class Meta:
        model = Activity
        import_id_fields = ("reference",)
        fields = (
            "reference",
            "country",
            "title",
            "description",
            "activity_type",
            "status",
            "covers_health",
            "covers_children",
            "covers_working_age",
            "covers_older_persons",
            "start_date",
            "end_date",
            "focal_point",
            "tools_used",
            "tools_needed",
            "funding",
        )

    def after_save_instance(self, instance: Activity, row: Any, **kwargs: Any) -> None:
        instance.participations.all().delete()
        links = []
        for header, role in PEER_ROLES.items():
            acronyms = [name.strip() for name in str(row.get(header) or "").split(";")]
            for agency in Agency.objects.filter(acronym__in=[a for a in acronyms if a]):
                links.append(ActivityAgency(activity=instance, agency=agency, role=role))
        ActivityAgency.objects.bulk_create(links)


def peer_import(data: bytes) -> int:
    """As django-import-export's admin: read the file, dry run (the preview), then read it
    again and apply (the confirm step), each in a transaction."""
    resource = PeerActivityImport()
    for dry_run in (True, False):
        dataset = XLSX().create_dataset(data)
        result = resource.import_data(dataset, dry_run=dry_run, use_transactions=True)
        if result.has_errors() or result.has_validation_errors():
            first = (result.row_errors() or [(0, ["?"])])[0]
            invalid = result.invalid_rows[:1]
            raise NotMeasured(f"the peer's import failed: {first} {invalid}")
    return result.totals["update"]


def bench_peer_import(ctx: BenchContext) -> Figures:
    count = Activity.objects.count()
    rows = min(PEER_ROWS, count)
    ctx.progress(f"timing the peer: django-import-export's import of {rows:,} rows...")
    # The first rows of the file bench_import imports, titles edited the same way.
    data = matrix_xlsx(lambda title: f"{title} (edited)", Activity.objects.order_by("pk")[:rows])
    started = time.perf_counter()
    updated = peer_import(data)
    seconds = time.perf_counter() - started
    if updated != rows:
        raise NotMeasured(f"the peer's import updated {updated} of {rows} rows")
    if rows < count:
        ctx.note(
            f"peer_import_xlsx_10k_s: measured on {rows:,} rows ({seconds:.1f} s), "
            f"scaled linearly to {count:,}"
        )
    return {"peer_import_xlsx_10k_s": round(seconds * count / rows, 1)}
