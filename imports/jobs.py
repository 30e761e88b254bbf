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

import logging
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from itertools import islice
from typing import Any

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.collector import fewer_collections
from core.names import name_key
from core.public_cache import data_changed
from core.spreadsheets.reading import shared_workbook
from imports.apply import Writer
from imports.checking import (
    Checked,
    FileChoices,
    NeedsMapping,
    Progress,
    check_file,
    pack_rows,
    unpack_rows,
)
from imports.columns import Column
from imports.compare import NEW, Comparison, compare_parts
from imports.mappings import saved_fields
from imports.models import ImportJob, ImportStatus, MappingSource
from imports.parsing import ImportFileError, sheet_names
from imports.results_apply import apply_results, is_results_job, preview_results
from imports.rows import RowInput

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
    "unsure_count",
    "checked_rows",
    "status",
    "updated_at",
)

# The job page's progress bar is saved this often at most while the rows are checked.
PROGRESS_SECONDS = 1.0
# Files with more rows than this are previewed and applied by a Celery task.
TASK_THRESHOLD = 300
# The preview page lists this many rows at most (the counts cover every row).
PREVIEW_LIST_MAX = 2000
# ... and offers a choice for this many unknown values at most.
UNKNOWN_VALUES_MAX = 200
logger = logging.getLogger(__name__)


def new_rows(job: ImportJob) -> frozenset[int]:
    """Rows the person asked to import as new activities (not as the probable match)."""
    return frozenset(number for number, choice in decisions(job).items() if choice == NEW)


def decisions(job: ImportJob) -> dict[int, str]:
    """The person's choices, by row number (see imports.compare)."""
    return {int(number): choice for number, choice in job.decisions.items()}


@dataclass
class Outline:
    """What the preview (and a refused apply) keeps of a comparison made a part of the rows
    at a time (imports.compare.compare_parts): every count, and the rows its page lists,
    PREVIEW_LIST_MAX of each kind at most. The other parts' stored activities and plans go
    once counted: held for the whole file, they were a 100,000-row import's largest step
    in memory."""

    listed: Comparison = field(default_factory=Comparison)
    new: int = 0
    changed: int = 0
    conflicts: int = 0

    def add(self, part: Comparison) -> None:
        listed = self.listed
        # Rows with errors and rows to confirm are the rows as read (held anyway), and
        # the unchanged ones are [row, reference]: all kept, the page counts them.
        listed.errors += part.errors
        listed.unsure += part.unsure
        listed.unchanged += part.unchanged
        listed.others_unchanged += part.others_unchanged
        self.conflicts += len(part.conflicts)
        listed.conflicts += part.conflicts[: max(0, PREVIEW_LIST_MAX - len(listed.conflicts))]
        new = sum(1 for plan in part.planned if plan.current is None)
        self.new += new
        self.changed += len(part.planned) - new
        listed.planned += part.planned[: max(0, PREVIEW_LIST_MAX - len(listed.planned))]

    @property
    def settled(self) -> bool:
        """Nothing waits for the person: no errors, conflicts or rows to confirm."""
        return not (self.listed.errors or self.conflicts or self.listed.unsure)


def preview_json(result: Comparison) -> dict:
    """Errors first, then new and changed rows (changed fields only), then unchanged refs.

    Only the first PREVIEW_LIST_MAX rows are listed (the counts cover every row): built
    lazily, so that a file of 100,000 changed rows does not make 100,000 entries to keep 2,000.
    """
    return {
        "rows": list(islice(preview_rows(result), PREVIEW_LIST_MAX)),
        "unchanged": result.unchanged,
        "others_unchanged": result.others_unchanged,
    }


def preview_rows(result: Comparison) -> Iterator[dict]:
    for row in result.errors:
        yield {
            "n": row.number,
            "ref": row.reference,
            "s": "error",
            "errors": row.errors,
            "shifted": row.shifted,
        }
    for row in result.unsure:
        yield {
            "n": row.number,
            "ref": "",
            "s": "maybe",
            "maybe": row.maybe,
            "title": row.values.get("title", ""),
        }
    for plan in result.conflicts:
        yield {
            "n": plan.row.number,
            "ref": plan.row.reference,
            "title": plan.current.activity.title,
            "s": "conflict",
            "conflicts": plan.conflicts,
            "changes": plan.changes,
        }
    for plan in result.planned:
        yield {
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


def mapping_json(columns: list[Column]) -> list[dict]:
    return [asdict(column) for column in columns]


def save_progress(job: ImportJob, every: float = PROGRESS_SECONDS) -> Progress:
    """Save how far the check is, at most `every` seconds (and at the end): each save is a
    commit of its own, and checking 10,000 rows takes a second or two."""
    saved_at = -every

    def progress(done: int, total: int) -> None:
        nonlocal saved_at
        now = time.monotonic()
        if done < total and now - saved_at < every:
            return
        saved_at = now
        ImportJob.objects.filter(pk=job.pk).update(rows_done=done, rows_total=total)

    return progress


def fail(job: ImportJob, message: str) -> None:
    job.status = ImportStatus.FAILED
    job.error = message
    job.save(update_fields=["status", "error", "updated_at"])


@fewer_collections()  # a large file makes millions of objects that live to the end
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

    data, reading = bytes(job.file_data), FileChoices.of(job.choices)
    job.file_data = b""  # read from `data` now (the saves below never write the file)
    workbook = shared_workbook(data)  # each sheet loaded once for both readers below
    try:
        # A results file (imports.results_file) has its own preview; else the matrix's.
        if preview_results(job, data, reading.sheet, earlier_import(job), workbook):
            return
    except ImportFileError:
        pass  # unreadable: the matrix's reading below says why
    except Exception:
        logger.exception("import %s: results preview failed", job.pk)
        fail(job, _("The file could not be checked (an error on our side): nothing was written."))
        return
    try:
        checked = check_file(data, save_progress(job), choose, job.user, reading, workbook)
        outline = Outline()
        for part in compare_parts(
            checked.rows,
            checked.lookup,
            job.user,
            checked.managed,
            decisions=decisions(job),
            blank_clears=reading.blank_clears,
        ):
            outline.add(part)
    except NeedsMapping as needed:
        job.columns = mapping_json(needed.columns)
        job.preview = {"sheet": needed.sheet, "sheets": needed.sheets}
        job.status = ImportStatus.MAPPING
        job.save(update_fields=["columns", "preview", "status", "updated_at"])
        return
    except ImportFileError as error:
        # Another sheet of the workbook may be the one: the page offers them.
        job.preview = {"sheet": job.choices.get("sheet", ""), "sheets": sheet_names(data)}
        job.save(update_fields=["preview"])
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
        **preview_json(outline.listed),
        "dates": [dates.order, dates.evidence] if dates.seen else [],
        "ignored": checked.ignored,
        "not_read": checked.not_read,
        "unknown": unknown_values(checked.rows),
        "left_out": checked.left_out[:PREVIEW_LIST_MAX],
        "sheet": checked.sheet,
        "sheets": checked.sheets,
        "realigned": sorted(FileChoices.of(job.choices).realign),
        "probable": probable[:PREVIEW_LIST_MAX],
        "asked_new": sorted(new_rows(job)),
        **earlier_import(job),
    }
    job.new_count, job.changed_count = outline.new, outline.changed
    job.unchanged_count = len(outline.listed.unchanged)
    job.error_count = len(outline.listed.errors)
    job.conflict_count = outline.conflicts
    job.unsure_count = len(outline.listed.unsure)
    del outline  # the listed rows' plans: let go before the rows are encoded and saved
    job.status = ImportStatus.PREVIEWED
    # Kept for the apply, which only a file with work and nothing to settle has: any choice
    # on the page checks the file again (views.check_again).
    job.checked_rows = pack_rows(checked) if job.can_apply else b""
    del checked
    job.save(update_fields=PREVIEWED_FIELDS)


def unknown_values(rows: list[RowInput]) -> list[list[Any]]:
    """[kind, value as first written, row numbers] of each value the hub does not know, in
    the order the file names them (the preview offers a choice for each)."""
    found: dict[tuple[str, str], list[Any]] = {}
    for row in rows:
        for kind, written in row.unknown:
            entry = found.setdefault((kind, name_key(written)), [kind, written, []])
            if row.number not in entry[2]:
                entry[2].append(row.number)
    return list(found.values())[:UNKNOWN_VALUES_MAX]


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


@fewer_collections()
def apply_job(job_id: int) -> None:
    """Write the whole file in one transaction, or nothing at all.

    Safe to run twice: the job row is locked and its status checked inside the
    transaction, so a duplicated or retried task finds it applied and stops; a task that
    died mid-way rolled back, left the job "applying", and its retry applies it.
    """
    if is_results_job(job_id):
        apply_results(job_id)
        return
    # The file and the preview are large and read only if needed: decoding them is seconds.
    job = ImportJob.objects.defer("file_data", "preview").get(pk=job_id)
    if job.status not in (ImportStatus.PREVIEWED, ImportStatus.APPLYING):
        return
    start_apply(job)
    try:
        if job.checked_rows:
            # Decoded into rows and let go: kept on the job, the stored form of every row
            # would stay alive through the writing.
            stored, job.checked_rows = bytes(job.checked_rows), b""
            checked = unpack_rows(stored, job.user)
            del stored
            save_progress(job)(len(checked.rows), len(checked.rows))
        else:
            checked = check_file(
                bytes(job.file_data),
                save_progress(job),
                lambda _c: job.mapping,
                job.user,
                FileChoices.of(job.choices),
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
    """Compare the rows with the activities as they are now, locked, and write them, a part
    at a time (imports.compare.compare_parts, imports.apply.Writer); all of them, or none
    when a part finds an error (the parts written before it are rolled back)."""
    with transaction.atomic():
        job = (
            ImportJob.objects.select_for_update()
            .only("pk", "status", "user", "decisions", "choices", "file_name")
            .get(pk=job_id)
        )
        if job.status != ImportStatus.APPLYING:
            return
        outline, writer = Outline(), Writer(job.user, reason)
        before = transaction.savepoint()
        for part in compare_parts(
            checked.rows,
            checked.lookup,
            job.user,
            checked.managed,
            lock=True,
            decisions=decisions(job),
            blank_clears=FileChoices.of(job.choices).blank_clears,
        ):
            outline.add(part)
            if outline.settled:
                writer.write(part.planned)
            # else: no more writing; the other parts are compared for the new preview.
        if not outline.settled:
            # The data moved since the preview (or the rights did): nothing is written, and
            # the new preview is shown.
            transaction.savepoint_rollback(before)
            result = outline.listed
            job.preview = preview_json(result)
            job.error_count = len(result.errors)
            job.conflict_count = outline.conflicts
            job.status = ImportStatus.FAILED
            job.error = _(
                "%(count)s rows have errors now (the data changed since the preview): "
                "nothing was imported."
            ) % {"count": len(result.errors) + outline.conflicts}
            job.save(update_fields=[*FAILED_FIELDS, "preview", "error_count", "conflict_count"])
            return
        transaction.savepoint_commit(before)
        written = writer.finish()
        data_changed()  # bulk writes send no signal: the public pages' cache is told here
        job.result = {"created": written.created, "changed": written.changed}
        job.created_count = len(written.created)
        job.updated_count = len(written.changed)
        job.status = ImportStatus.APPLIED
        job.applied_at = timezone.now()
        job.save(update_fields=[*APPLIED_FIELDS, "updated_at"])
