"""A results file through the import's preview and apply (imports.jobs hands it here when
imports.results_file recognises it): the preview lists each row's errors (row, column,
reason) or what it would change, and writes nothing; the apply checks the file again inside
one transaction and writes every row, or nothing at all.

New values are drafts: the member submits them for review on the activity's page, as a
value typed there. A value changed through the file keeps its review status (a returned
value stays returned until submitted again), as results.services.save_value does.
"""

from __future__ import annotations

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.public_cache import data_changed
from core.spreadsheets.reading import Workbook
from imports.models import ImportJob, ImportStatus
from imports.results_file import ResultRow, ResultsCheck, check_results
from imports.results_sheet import read_results_sheet
from results.concurrency import StaleEdit
from results.models import ActivityIndicator, ResultValue, ReviewStatus
from results.services import save_value

KIND = "results"
PREVIEW_LIST_MAX = 2000
PREVIEW_FIELDS = (
    "preview",
    "new_count",
    "changed_count",
    "unchanged_count",
    "error_count",
    "conflict_count",
    "unsure_count",
    "checked_rows",
    "columns",
    "mapping",
    "mapping_source",
    "status",
    "updated_at",
)


def is_results_job(job_id: int) -> bool:
    return ImportJob.objects.filter(pk=job_id, preview__kind=KIND).exists()


def preview_rows(check: ResultsCheck) -> list[dict]:
    listed = [
        {"n": row.number, "ref": row.reference, "s": "error", "errors": row.errors,
         "shifted": False}
        for row in check.errors
    ]  # fmt: skip
    listed += [
        {
            "n": row.number,
            "ref": row.reference,
            "title": row.label,
            "s": "changed" if row.existing_id else "new",
            "changes": row.changes,
        }
        for row in check.planned
    ]
    return listed[:PREVIEW_LIST_MAX]


def preview_results(
    job: ImportJob, data: bytes, sheet_name: str, earlier: dict, workbook: Workbook | None = None
) -> bool:
    """Preview the job's file (`data`, opened as `workbook` if a workbook) if it is a
    results file (True), else leave it (False); the job's own file is never saved again."""
    sheet = read_results_sheet(data, sheet_name, workbook)
    if sheet is None:
        return False
    check = check_results(sheet, job.user)
    job.preview = {
        "kind": KIND,
        "rows": preview_rows(check),
        "unchanged": [[row.number, row.reference] for row in check.unchanged],
        "ignored": check.ignored,
        **earlier,
    }
    job.new_count = sum(1 for row in check.planned if not row.existing_id)
    job.changed_count = len(check.planned) - job.new_count
    job.unchanged_count = len(check.unchanged)
    job.error_count = len(check.errors)
    job.conflict_count = job.unsure_count = 0
    job.checked_rows, job.columns, job.mapping, job.mapping_source = b"", [], [], ""
    job.status = ImportStatus.PREVIEWED
    job.rows_done = job.rows_total = len(check.rows)
    job.save(update_fields=[*PREVIEW_FIELDS, "rows_done", "rows_total"])
    return True


def apply_results(job_id: int) -> None:
    """Check the file again and write it, in one transaction: every row or none."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        settled = not job.error_count and (job.new_count or job.changed_count)
        if job.status not in (ImportStatus.PREVIEWED, ImportStatus.APPLYING) or not settled:
            return
        sheet = read_results_sheet(bytes(job.file_data), job.choices.get("sheet", ""))
        check = check_results(sheet, job.user) if sheet is not None else None
        if check is None or check.errors:
            fail(job, check)
            return
        reason = _("Imported from %(file)s") % {"file": job.file_name}
        try:
            with transaction.atomic():
                written = write(check.planned, job.user, reason)
        except (StaleEdit, DatabaseError):
            fail(job, None)
            return
        data_changed()  # the public pages' cache is told (values may be approved ones)
        job.result = written
        job.created_count = len(written["created"])
        job.updated_count = len(written["changed"])
        job.status = ImportStatus.APPLIED
        job.applied_at = timezone.now()
        job.save(
            update_fields=[
                "result", "created_count", "updated_count", "status", "applied_at", "updated_at",
            ]
        )  # fmt: skip


def fail(job: ImportJob, check: ResultsCheck | None) -> None:
    """Nothing was written: say why, with the rows' errors when the data moved since."""
    if check is not None:
        job.preview = {**(job.preview or {}), "rows": preview_rows(check)}
        job.error_count = len(check.errors)
        job.error = _(
            "%(count)s rows have errors now (the data changed since the preview): nothing "
            "was imported."
        ) % {"count": len(check.errors)}
    else:
        job.error = _(
            "Someone changed these values in the hub while the file was being applied: "
            "nothing was imported. Check the file again."
        )
    job.status = ImportStatus.FAILED
    job.save(update_fields=["preview", "error_count", "error", "status", "updated_at"])


def write(rows: list[ResultRow], user, reason: str) -> dict[str, list[list[str]]]:
    """Write the checked rows: new indicators of activities, new values (drafts), changes."""
    links = {
        (link.activity_id, link.indicator_id): link
        for link in ActivityIndicator.objects.filter(
            activity_id__in={row.activity_id for row in rows}
        )
    }
    created, changed = [], []
    for row in rows:
        link = links.get((row.activity_id, row.indicator_id))
        if link is None:
            link = ActivityIndicator(activity_id=row.activity_id, indicator_id=row.indicator_id)
            link._history_user = user
            link._change_reason = reason[:100]
            link.save()
            links[(row.activity_id, row.indicator_id)] = link
        if row.existing_id:
            result = ResultValue.objects.get(pk=row.existing_id)
            changed.append([row.reference, row.label])
        else:
            result = ResultValue(
                activity_indicator=link,
                period_id=row.period_id,
                country_id=row.country_id,
                status=ReviewStatus.DRAFT,
            )
            created.append([row.reference, row.label])
        result.value, result.achieved_on = row.value, row.achieved_on
        for name, text in row.texts.items():
            setattr(result, name, text)
        result._change_reason = reason[:100]
        save_value(user, result, row.existing_version, row.parts)
    return {"created": created, "changed": changed}
