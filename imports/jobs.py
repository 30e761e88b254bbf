"""An import job from upload to result: read the file, preview it, apply it once.

The same functions run inside the web request (small files) and in the Celery task
(large ones). Progress is saved every PROGRESS_EVERY rows, so the job page can show it.
"""

import datetime
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imports.apply import write
from imports.compare import Comparison, compare
from imports.matching import Lookup
from imports.models import ImportJob, ImportStatus
from imports.parsing import ImportFileError, read_table
from imports.rows import DATE_FIELDS, TOOL_FIELDS, RowInput, managed_roles, read_row

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


def check_file(data: bytes, progress: Progress | None = None) -> Checked:
    """Every row of the file read and matched; ImportFileError for an unreadable file."""
    table = read_table(data)
    lookup = Lookup()
    rows: list[RowInput] = []
    first_row_of: dict[str, int] = {}
    for number, cells in table.rows:
        row = read_row(number, cells, lookup)
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
            progress(len(rows), max(table.estimated_rows, len(rows)))
    if not rows:
        raise ImportFileError(_("The file has column headers but no rows to import."))
    if progress:
        progress(len(rows), len(rows))
    return Checked(rows, managed_roles(table.fields), lookup)


def preview_json(result: Comparison) -> dict:
    """Errors first, then new and changed rows (changed fields only), then unchanged refs."""
    listed = [
        {"n": row.number, "ref": row.reference, "s": "error", "errors": row.errors}
        for row in result.errors
    ]
    for plan in result.planned:
        listed.append(
            {
                "n": plan.row.number,
                "ref": plan.row.reference,
                "title": plan.row.values.get("title")
                or (plan.current.activity.title if plan.current else ""),
                "s": "new" if plan.current is None else "changed",
                "changes": plan.changes,
            }
        )
    return {"rows": listed[:PREVIEW_LIST_MAX], "unchanged": result.unchanged}


def rows_to_json(checked: Checked) -> dict:
    """The checked rows, compactly, for the apply (dates as ISO, sets as lists)."""
    encoded = []
    for row in checked.rows:
        values = dict(row.values)
        for name in DATE_FIELDS:
            if values.get(name) is not None:
                values[name] = values[name].isoformat()
        for name in TOOL_FIELDS:
            if name in values:
                values[name] = sorted(values[name])
        if "roles" in values:
            values["roles"] = [[pk, role] for pk, role in values["roles"].items()]
        encoded.append([row.number, row.reference, values])
    return {"managed": sorted(checked.managed), "rows": encoded}


def rows_from_json(data: dict) -> Checked:
    rows = []
    for number, reference, values in data["rows"]:
        for name in DATE_FIELDS:
            if values.get(name) is not None:
                values[name] = datetime.date.fromisoformat(values[name])
        for name in TOOL_FIELDS:
            if name in values:
                values[name] = frozenset(values[name])
        if "roles" in values:
            values["roles"] = {pk: role for pk, role in values["roles"]}
        rows.append(RowInput(number, reference, values))
    return Checked(rows, frozenset(data["managed"]), Lookup())


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
    try:
        checked = check_file(bytes(job.file_data), save_progress(job))
        result = compare(checked.rows, checked.lookup, job.user, checked.managed)
    except ImportFileError as error:
        fail(job, error.message)
        return
    except Exception:  # a bug must not leave the job "checking" forever, nor make a 500
        logger.exception("import %s: preview failed", job.pk)
        fail(job, _("The file could not be checked (an error on our side): nothing was written."))
        return
    job.refresh_from_db(fields=["rows_done", "rows_total"])
    job.preview = preview_json(result)
    job.new_count = sum(1 for plan in result.planned if plan.current is None)
    job.changed_count = len(result.planned) - job.new_count
    job.unchanged_count = len(result.unchanged)
    job.error_count = len(result.errors)
    job.checked_rows = rows_to_json(checked) if not result.errors else []
    job.status = ImportStatus.PREVIEWED
    job.save()


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
    job = ImportJob.objects.get(pk=job_id)
    if job.status not in (ImportStatus.PREVIEWED, ImportStatus.APPLYING):
        return
    start_apply(job)
    try:
        if job.checked_rows:
            checked = rows_from_json(job.checked_rows)
            save_progress(job)(len(checked.rows), len(checked.rows))
        else:
            checked = check_file(bytes(job.file_data), save_progress(job))
    except ImportFileError as error:
        fail(job, error.message)
        return
    reason = _("Imported from %(file)s") % {"file": job.file_name}
    try:
        write_job(job_id, checked, reason)
    except DatabaseError as error:
        # Rolled back: nothing of the file was written.
        fail(job, _("The import failed and nothing was written: %(error)s") % {"error": error})


def write_job(job_id: int, checked: Checked, reason: str) -> None:
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        if job.status != ImportStatus.APPLYING:
            return
        result = compare(checked.rows, checked.lookup, job.user, checked.managed, lock=True)
        if result.errors:
            # The data moved since the preview (or the rights did): show the new preview.
            job.preview = preview_json(result)
            job.error_count = len(result.errors)
            job.status = ImportStatus.FAILED
            job.error = _(
                "%(count)s rows have errors now (the data changed since the preview): "
                "nothing was imported."
            ) % {"count": len(result.errors)}
            job.save()
            return
        written = write(result.planned, job.user, reason)
        job.result = {"created": written.created, "changed": written.changed}
        job.created_count = len(written.created)
        job.updated_count = len(written.changed)
        job.status = ImportStatus.APPLIED
        job.applied_at = timezone.now()
        job.save()
