"""Import pages: upload, match the columns (when the file is not the hub's own), preview
(nothing written), confirm, progress and result."""

import hashlib

from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.roles import is_secretariat
from agencies.models import AgencyKind
from imports.columns import Column, field_label
from imports.compare import FILE, HUB, NEW, SAME
from imports.forms import MappingForm, UploadForm
from imports.jobs import TASK_THRESHOLD, apply_job, preview_job, start_apply
from imports.mappings import remember
from imports.models import ImportJob, ImportStatus, MappingSource, ValueKind
from imports.parsing import estimate_rows
from imports.tasks import apply_import, preview_import
from imports.values import Answer, may_add, options, settle

IMPORT_PERMISSION = "imports.import_rows"


def own_job(request: HttpRequest, pk: int) -> ImportJob:
    # Another person's job is a 404, not a 403: even its existence is theirs.
    return get_object_or_404(
        ImportJob.objects.defer("file_data", "checked_rows"), pk=pk, user=request.user
    )


def start_preview(job: ImportJob) -> None:
    """Check the file now, or in a task when it is large."""
    if job.rows_total > TASK_THRESHOLD:
        transaction.on_commit(lambda: preview_import.delay(job.pk))
    else:
        preview_job(job)


@login_required
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        job = ImportJob.objects.create(
            user=request.user,
            file_name=upload.name[:255],
            file_data=data,
            file_size=len(data),
            file_sha256=hashlib.sha256(data).hexdigest(),
        )
        job.rows_total = estimate_rows(data)
        job.save(update_fields=["rows_total"])
        start_preview(job)
        return redirect("imports:job", pk=job.pk)
    jobs = ImportJob.objects.filter(user=request.user).defer(
        "file_data", "preview", "checked_rows", "columns"
    )[:10]
    return render(request, "imports/upload.html", {"form": form, "jobs": jobs})


@login_required
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def job(request: HttpRequest, pk: int) -> HttpResponse:
    found = own_job(request, pk)
    if found.status == ImportStatus.MAPPING:
        return redirect("imports:columns", pk=found.pk)
    preview = found.preview or {}
    rows = preview.get("rows", [])
    mapped = [
        (column["header"] or column["tag"], field_label(name))
        for column, name in zip(found.columns, found.mapping, strict=False)
        if name
    ]
    ctx = {
        "job": found,
        "rows": rows,
        "listed_all": len(rows)
        >= found.error_count + found.conflict_count + found.new_count + found.changed_count,
        "conflicts": [row for row in rows if row["s"] == "conflict"],
        "maybe": [row for row in rows if row["s"] == "maybe"],
        "blank_clears": bool(found.choices.get("blank_clears")),
        "ignored": preview.get("ignored", []),
        "earlier": preview.get("earlier"),
        "dates": preview.get("dates") or [],
        "probable": preview.get("probable", []),
        "asked_new": [str(number) for number in preview.get("asked_new", [])],
        "mapped": mapped,
        "can_remap": bool(found.columns) and found.status in (ImportStatus.PREVIEWED,),
        "shifted": [row for row in rows if row.get("shifted")],
        "error_rows": [row for row in rows if row["s"] == "error"],
        "realigned": preview.get("realigned", []),
        "not_read": preview.get("not_read", []),
        "unknown": unknown_values(found, request.user),
        "left_out": preview.get("left_out", []),
        "secretariat": is_secretariat(request.user),
        "AgencyKind": AgencyKind,
        "others_unchanged": preview.get("others_unchanged", 0),
        "sheet": preview.get("sheet", ""),
        "sheets": preview.get("sheets", []),
        "result": found.result or {},
        "results_file": preview.get("kind") == "results",
        "Status": ImportStatus,
    }
    return render(request, "imports/job.html", ctx)


@login_required
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def columns(request: HttpRequest, pk: int) -> HttpResponse:
    """The mapping step: each column of the file, a sample of its values, the hub field."""
    found = own_job(request, pk)
    if found.status not in (ImportStatus.MAPPING, ImportStatus.PREVIEWED) or not found.columns:
        return redirect("imports:job", pk=found.pk)
    file_columns = [Column(**column) for column in found.columns]
    if found.mapping and len(found.mapping) == len(file_columns):
        for column, name in zip(file_columns, found.mapping, strict=True):
            column.field = name
    whole_file = found.choices.get("whole_file", {})
    form = MappingForm(request.POST or None, columns=file_columns, whole_file=whole_file)
    if request.method == "POST" and form.is_valid():
        fields = form.chosen()
        remember(request.user, file_columns, fields)
        choices = {**found.choices, "whole_file": form.whole_file()}
        check_again(found, mapping=fields, mapping_source=MappingSource.CHOSEN, choices=choices)
        return redirect("imports:job", pk=found.pk)
    preview = found.preview or {}
    ctx = {
        "job": found,
        "form": form,
        "sheet": preview.get("sheet", ""),
        "sheets": preview.get("sheets", []),
    }
    return render(request, "imports/columns.html", ctx)


def check_again(job: ImportJob, **changes: object) -> None:
    """Preview the file again (after the person's answer), from scratch."""
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportStatus.PENDING,
        preview={},
        checked_rows=b"",
        rows_done=0,
        new_count=0,
        changed_count=0,
        unchanged_count=0,
        error_count=0,
        conflict_count=0,
        unsure_count=0,
        error="",
        **changes,
    )
    job.refresh_from_db()
    start_preview(job)


@require_POST
@login_required
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    """The person's choices on the preview: rows taken for an activity the hub has that are
    new ones; rows that maybe are one, whether they are; for a row changed both in the hub
    and in the file, which side to keep."""
    found = own_job(request, pk)
    if found.status != ImportStatus.PREVIEWED:
        return redirect("imports:job", pk=found.pk)
    decisions = dict(found.decisions)
    if "new_rows" in request.POST:  # the form of rows without a reference
        asked = {number for number in request.POST.getlist("new") if number.isdecimal()}
        decisions = {n: choice for n, choice in decisions.items() if choice != NEW}
        decisions.update(dict.fromkeys(sorted(asked), NEW))
    for key, choice in request.POST.items():
        number = key.removeprefix("conflict_")
        if key.startswith("conflict_") and number.isdecimal() and choice in (FILE, HUB):
            decisions[number] = choice
        number = key.removeprefix("maybe_")
        if key.startswith("maybe_") and number.isdecimal() and choice in (SAME, NEW):
            decisions[number] = choice
    check_again(found, decisions=decisions)
    return redirect("imports:job", pk=found.pk)


@require_POST
@login_required
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def reading(request: HttpRequest, pk: int) -> HttpResponse:
    """The person's choices about reading the file: another sheet of the workbook (its
    columns are matched again), the shifted rows to realign, rows with errors to leave
    out, what a blank cell means."""
    found = own_job(request, pk)
    if found.status not in (ImportStatus.PREVIEWED, ImportStatus.MAPPING, ImportStatus.FAILED):
        return redirect("imports:job", pk=found.pk)
    choices = dict(found.choices)
    sheet = request.POST.get("sheet")
    if sheet is not None and sheet != choices.get("sheet", ""):
        choices = {"sheet": sheet}  # another table: its own columns, rows and choices
        check_again(found, choices=choices, mapping=[], mapping_source="", decisions={})
        return redirect("imports:job", pk=found.pk)
    if "realign_rows" in request.POST:
        asked = {int(number) for number in request.POST.getlist("realign") if number.isdecimal()}
        choices["realign"] = sorted(asked)
    if "skip_rows" in request.POST:
        asked = {int(number) for number in request.POST.getlist("skip") if number.isdecimal()}
        choices["skip"] = sorted(asked | set(choices.get("skip", ())))
    if "blank" in request.POST:
        choices["blank_clears"] = request.POST["blank"] == "clears"
    check_again(found, choices=choices)
    return redirect("imports:job", pk=found.pk)


@require_POST
@login_required
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def values(request: HttpRequest, pk: int) -> HttpResponse:
    """The person's answer for each value the hub does not know: what it means, to add it,
    or to leave its rows out (imports.values)."""
    found = own_job(request, pk)
    if found.status != ImportStatus.PREVIEWED:
        return redirect("imports:job", pk=found.pk)
    answers = []
    for index, (kind, written, _rows) in enumerate(found.preview.get("unknown", [])):
        choice, _sep, target = request.POST.get(f"value_{index}", "").partition(":")
        agency_kind = request.POST.get(f"agency_kind_{index}", "")
        answers.append(Answer(kind, written, choice, target, agency_kind))
    choices = settle(answers, request.user, dict(found.choices))
    check_again(found, choices=choices)
    return redirect("imports:job", pk=found.pk)


def unknown_values(job: ImportJob, user: object) -> list[dict]:
    """The preview's unknown values, each with what the page offers for it."""
    offered: dict[str, list[tuple[str, str]]] = {}
    labels = dict(ValueKind.choices)
    listed = []
    for index, (kind, written, rows) in enumerate((job.preview or {}).get("unknown", [])):
        if kind not in offered:
            offered[kind] = options(kind)
        listed.append(
            {
                "index": index,
                "kind": kind,
                "kind_label": labels.get(kind, kind),
                "written": written,
                "rows": rows,
                "options": offered[kind],
                "may_add": may_add(kind),
            }
        )
    return listed


@login_required
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def progress(request: HttpRequest, pk: int) -> JsonResponse:
    """The job's state, for scripts and for the page's own refresh."""
    found = own_job(request, pk)
    return JsonResponse(
        {
            "status": found.status,
            "rows_done": found.rows_done,
            "rows_total": found.rows_total,
            "percent": found.percent,
            "running": found.is_running,
        }
    )


@require_POST
@login_required
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    found = own_job(request, pk)
    if found.can_apply:
        if found.rows_total > TASK_THRESHOLD:
            if start_apply(found):
                transaction.on_commit(lambda: apply_import.delay(found.pk))
        else:
            apply_job(found.pk)
    return redirect("imports:job", pk=found.pk)
