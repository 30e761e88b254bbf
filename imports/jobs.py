"""An import job from upload to result: read the file, match its columns, preview it,
apply it once.

1. imports.parsing reads the sheet (CSV, XLSX, ODS; HXL hashtags);
2. imports.columns says what each column holds: recognised (the hub's own headers or
   hashtags), saved from an earlier file like it (imports.mappings), or chosen by the
   person in the mapping step (the job waits in "mapping" until then);
3. imports.rows and imports.matching read each row; imports.compare sorts the rows into
   new, changed, unchanged, conflicts and errors, with the person's decisions;
4. imports.apply writes them all in one transaction, or nothing.

The same functions run inside the web request (small files) and in the Celery task
(large ones). Progress is saved every PROGRESS_EVERY rows, so the job page can show it.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.public_cache import data_changed
from imports.apply import write
from imports.columns import Column, column_title, guess_columns, mapping_problems
from imports.compare import NEW, Comparison, compare
from imports.dates import file_order
from imports.longfile import regroup_long
from imports.mappings import saved_fields
from imports.matching import Lookup
from imports.models import ImportJob, ImportStatus, MappingSource
from imports.parsing import ImportFileError, read_sheet
from imports.rows import DATE_FIELDS, TOOL_FIELDS, RowInput, managed_roles, read_row

# What a job's save writes at each step (never the file itself, nor what did not change).
FAILED_FIELDS = ("status", "error", "updated_at")
APPLIED_FIELDS = ("result", "created_count", "updated_count", "status", "applied_at")
PREVIEWED_FIELDS = (
    "columns",
    "mapping",
    "mapping_source",
    "preview",
    "new_count",
    "changed_count",
    "unchanged_count",
    "error_count",
    "conflict_count",
    "checked_rows",
    "status",
    "updated_at",
)

# Files with more rows than this are previewed and applied by a Celery task.
TASK_THRESHOLD = 300
PROGRESS_EVERY = 500
# The preview page lists this many rows at most (the counts cover every row).
PREVIEW_LIST_MAX = 2000

Progress = Callable[[int, int], None]
logger = logging.getLogger(__name__)


@dataclass
class Checked:
    rows: list[RowInput]
    managed: frozenset[str]
    lookup: Lookup
    ignored: list[str] = field(default_factory=list)  # headers of the columns not read
    fields: list[str] = field(default_factory=list)  # the field of each column


class NeedsMapping(Exception):
    """The file's columns are not all the hub's: the person says what each one holds."""

    def __init__(self, columns: list[Column]) -> None:
        super().__init__("columns to map")
        self.columns = columns


Choose = Callable[[list[Column]], "list[str] | None"]


def recognised(columns: list[Column]) -> list[str] | None:
    """The fields of a file whose every column is recognised without doubt, else None."""
    if not all(column.exact for column in columns):
        return None
    fields = [column.field for column in columns]
    for name in dict.fromkeys(name for name in fields if name):
        if fields.count(name) > 1:
            raise ImportFileError(
                _("The column “%(column)s” appears twice: keep one.")
                % {"column": column_title(name)}
            )
    problems = mapping_problems(fields)
    if problems:
        raise ImportFileError(
            " ".join(problems) + " " + _("Download the import template to see them.")
        )
    return fields


def check_file(
    data: bytes, progress: Progress | None = None, choose: Choose | None = None, user: Any = None
) -> Checked:
    """Every row of the file read and matched; ImportFileError for an unreadable file,
    NeedsMapping when its columns need the person's word (`choose` may give it)."""
    # A long HXL file (one row per activity and agency) is read one row per activity.
    sheet = regroup_long(read_sheet(data))
    columns = guess_columns(sheet.headers, sheet.tags, sheet.samples())
    fields = (choose(columns) if choose else None) or recognised(columns)
    if fields is None or len(fields) != len(columns):
        raise NeedsMapping(columns)
    lookup = Lookup(user)
    rows: list[RowInput] = []
    first_row_of: dict[str, int] = {}
    chosen = [(index, name) for index, name in enumerate(fields) if name]
    # Day first or month first is decided for the whole file: its rows are read twice.
    table = list(sheet.rows())
    dated = [index for index, name in chosen if name in DATE_FIELDS]
    lookup.dates = file_order(cells[index] for _number, cells in table for index in dated)
    for number, cells in table:
        row = read_row(number, {name: cells[index] for index, name in chosen}, lookup)
        if row.reference:
            first = first_row_of.setdefault(row.reference, number)
            if first != number:
                row.error(
                    "reference",
                    row.reference,
                    _("%(reference)s is also on row %(row)s: each reference can appear once.")
                    % {"reference": row.reference, "row": first},
                )
        rows.append(row)
        if progress and len(rows) % PROGRESS_EVERY == 0:
            progress(len(rows), len(table))
    if not rows:
        raise ImportFileError(_("The file has column headers but no rows to import."))
    if progress:
        progress(len(rows), len(rows))
    ignored = [
        column.header or column.tag or f"#{column.index + 1}"
        for column, name in zip(columns, fields, strict=True)
        if not name and (column.header or column.samples)
    ]
    managed = managed_roles([name for _index, name in chosen])
    return Checked(rows, managed, lookup, ignored, list(fields))


def new_rows(job: ImportJob) -> frozenset[int]:
    """Rows the person asked to import as new activities (not as the probable match)."""
    return frozenset(number for number, choice in decisions(job).items() if choice == NEW)


def decisions(job: ImportJob) -> dict[int, str]:
    """The person's choices, by row number (see imports.compare)."""
    return {int(number): choice for number, choice in job.decisions.items()}


def preview_json(result: Comparison) -> dict:
    """Errors first, then new and changed rows (changed fields only), then unchanged refs."""
    listed = [
        {"n": row.number, "ref": row.reference, "s": "error", "errors": row.errors}
        for row in result.errors
    ]
    for plan in result.conflicts:
        listed.append(
            {
                "n": plan.row.number,
                "ref": plan.row.reference,
                "title": plan.current.activity.title,
                "s": "conflict",
                "conflicts": plan.conflicts,
                "changes": plan.changes,
            }
        )
    for plan in result.planned:
        listed.append(
            {
                "n": plan.row.number,
                "ref": plan.row.reference,
                "title": plan.row.values.get("title")
                or (plan.current.activity.title if plan.current else ""),
                "s": "new" if plan.current is None else "changed",
                "changes": plan.changes,
                "probably": plan.row.probable,
                "conflicts": plan.conflicts,
                "decided": plan.decided,
            }
        )
    return {"rows": listed[:PREVIEW_LIST_MAX], "unchanged": result.unchanged}


def mapping_json(columns: list[Column]) -> list[dict]:
    return [asdict(column) for column in columns]


# In checked_rows, a value a row does not have (PostgreSQL's JSON refuses "\u0000").
ABSENT = "\u0001"


def rows_to_json(checked: Checked) -> dict:
    """The checked rows, compactly, for the apply: the value names once, then each row's
    values in that order (dates as ISO, sets as lists). A third of the size of a dict per
    row, and as much less to write at the preview and to read at the apply."""
    names: dict[str, None] = {}
    for row in checked.rows:
        names.update(dict.fromkeys(row.values))
    keys = list(names)
    encoded = []
    for row in checked.rows:
        values = row.values
        cells = []
        for name in keys:
            value = values.get(name, ABSENT)
            if name in DATE_FIELDS and value not in (None, ABSENT):
                value = value.isoformat()
            elif name in TOOL_FIELDS and value is not ABSENT:
                value = sorted(value)
            elif name == "roles" and value is not ABSENT:
                value = [[pk, role] for pk, role in value.items()]
            cells.append(value)
        encoded.append([row.number, row.reference, cells])
    return {"managed": sorted(checked.managed), "keys": keys, "rows": encoded}


def rows_from_json(data: dict, user: Any = None) -> Checked:
    keys = data["keys"]
    rows = []
    for number, reference, cells in data["rows"]:
        values = {name: value for name, value in zip(keys, cells, strict=True) if value != ABSENT}
        for name in DATE_FIELDS:
            if values.get(name) is not None:
                values[name] = datetime.date.fromisoformat(values[name])
        for name in TOOL_FIELDS:
            if name in values:
                values[name] = frozenset(values[name])
        if "roles" in values:
            values["roles"] = {pk: role for pk, role in values["roles"]}
        rows.append(RowInput(number, reference, values))
    return Checked(rows, frozenset(data["managed"]), Lookup(user))


def save_progress(job: ImportJob) -> Progress:
    def progress(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(rows_done=done, rows_total=total)

    return progress


def fail(job: ImportJob, message: str) -> None:
    job.status = ImportStatus.FAILED
    job.error = message
    job.save(update_fields=["status", "error", "updated_at"])


def preview_job(job: ImportJob) -> None:
    """Check the file and store what applying it would do; nothing else is written."""
    updated = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.PENDING).update(
        status=ImportStatus.PREVIEWING
    )
    if not updated:  # already previewed (a retried or duplicated task)
        return
    job.refresh_from_db()

    def choose(columns: list[Column]) -> list[str] | None:
        job.columns = mapping_json(columns)
        if job.mapping:
            return job.mapping
        if all(column.exact for column in columns):
            job.mapping_source = MappingSource.RECOGNISED
            return None
        saved = saved_fields(job.user, columns)
        job.mapping_source = MappingSource.SAVED if saved else ""
        return saved

    try:
        checked = check_file(bytes(job.file_data), save_progress(job), choose, job.user)
        result = compare(
            checked.rows, checked.lookup, job.user, checked.managed, decisions=decisions(job)
        )
    except NeedsMapping as needed:
        job.columns = mapping_json(needed.columns)
        job.status = ImportStatus.MAPPING
        job.save(update_fields=["columns", "status", "updated_at"])
        return
    except ImportFileError as error:
        fail(job, error.message)
        return
    except Exception:  # a bug must not leave the job "checking" forever, nor make a 500
        logger.exception("import %s: preview failed", job.pk)
        fail(job, _("The file could not be checked (an error on our side): nothing was written."))
        return
    job.refresh_from_db(fields=["rows_done", "rows_total"])
    job.mapping = checked.fields
    probable = [
        [row.number, row.probable, row.values.get("title", "")]
        for row in checked.rows
        if row.probable
    ]
    dates = checked.lookup.dates
    job.preview = {
        **preview_json(result),
        "dates": [dates.order, dates.evidence] if dates.seen else [],
        "ignored": checked.ignored,
        "probable": probable[:PREVIEW_LIST_MAX],
        "asked_new": sorted(new_rows(job)),
        **earlier_import(job),
    }
    job.new_count = sum(1 for plan in result.planned if plan.current is None)
    job.changed_count = len(result.planned) - job.new_count
    job.unchanged_count = len(result.unchanged)
    job.error_count = len(result.errors)
    job.conflict_count = len(result.conflicts)
    job.checked_rows = rows_to_json(checked) if not result.errors else []
    job.status = ImportStatus.PREVIEWED
    job.save(update_fields=PREVIEWED_FIELDS)


def earlier_import(job: ImportJob) -> dict:
    """The last time this very file was applied, if it was (the preview says so)."""
    if not job.file_sha256:
        return {}
    earlier = (
        ImportJob.objects.filter(file_sha256=job.file_sha256, status=ImportStatus.APPLIED)
        .exclude(pk=job.pk)
        .order_by("-applied_at")
        .values_list("file_name", "applied_at")
        .first()
    )
    if earlier is None:
        return {}
    return {"earlier": [earlier[0], earlier[1].isoformat() if earlier[1] else ""]}


def start_apply(job: ImportJob) -> bool:
    """Compare-and-set previewed -> applying: True for the one caller that may apply."""
    if not job.can_apply:
        return False
    return bool(
        ImportJob.objects.filter(pk=job.pk, status=ImportStatus.PREVIEWED).update(
            status=ImportStatus.APPLYING, rows_done=0
        )
    )


def apply_job(job_id: int) -> None:
    """Write the whole file in one transaction, or nothing at all.

    Safe to run twice: the job row is locked and its status checked inside the
    transaction, so a duplicated or retried task finds it applied and stops; a task that
    died mid-way rolled back, left the job "applying", and its retry applies it.
    """
    # The file and the preview are large and read only if needed: decoding them is seconds.
    job = ImportJob.objects.defer("file_data", "preview").get(pk=job_id)
    if job.status not in (ImportStatus.PREVIEWED, ImportStatus.APPLYING):
        return
    start_apply(job)
    try:
        if job.checked_rows:
            checked = rows_from_json(job.checked_rows, job.user)
            save_progress(job)(len(checked.rows), len(checked.rows))
        else:
            checked = check_file(
                bytes(job.file_data), save_progress(job), lambda _c: job.mapping, job.user
            )
    except ImportFileError as error:
        fail(job, error.message)
        return
    except NeedsMapping:
        fail(job, _("The file's columns must be matched again: nothing was written."))
        return
    reason = _("Imported from %(file)s") % {"file": job.file_name}
    try:
        write_job(job_id, checked, reason)
    except DatabaseError as error:
        # Rolled back: nothing of the file was written.
        fail(job, _("The import failed and nothing was written: %(error)s") % {"error": error})


def write_job(job_id: int, checked: Checked, reason: str) -> None:
    with transaction.atomic():
        job = (
            ImportJob.objects.select_for_update()
            .only("pk", "status", "user", "decisions", "file_name")
            .get(pk=job_id)
        )
        if job.status != ImportStatus.APPLYING:
            return
        result = compare(
            checked.rows,
            checked.lookup,
            job.user,
            checked.managed,
            lock=True,
            decisions=decisions(job),
        )
        if result.errors or result.conflicts:
            # The data moved since the preview (or the rights did): show the new preview.
            job.preview = preview_json(result)
            job.error_count = len(result.errors)
            job.conflict_count = len(result.conflicts)
            job.status = ImportStatus.FAILED
            job.error = _(
                "%(count)s rows have errors now (the data changed since the preview): "
                "nothing was imported."
            ) % {"count": len(result.errors) + len(result.conflicts)}
            job.save(update_fields=[*FAILED_FIELDS, "preview", "error_count", "conflict_count"])
            return
        written = write(result.planned, job.user, reason)
        data_changed()  # bulk writes send no signal: the public pages' cache is told here
        job.result = {"created": written.created, "changed": written.changed}
        job.created_count = len(written.created)
        job.updated_count = len(written.changed)
        job.status = ImportStatus.APPLIED
        job.applied_at = timezone.now()
        job.save(update_fields=[*APPLIED_FIELDS, "updated_at"])
