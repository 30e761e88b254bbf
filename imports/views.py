"""Import pages: upload, preview (nothing written), confirm, progress and result."""

from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from imports.forms import UploadForm
from imports.jobs import TASK_THRESHOLD, apply_job, preview_job, start_apply
from imports.models import ImportJob, ImportStatus
from imports.parsing import estimate_rows
from imports.tasks import apply_import, preview_import

IMPORT_PERMISSION = "imports.import_rows"


def own_job(request: HttpRequest, pk: int) -> ImportJob:
    # Another person's job is a 404, not a 403: even its existence is theirs.
    return get_object_or_404(
        ImportJob.objects.defer("file_data", "checked_rows"), pk=pk, user=request.user
    )


@login_required
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        job = ImportJob.objects.create(
            user=request.user, file_name=upload.name[:255], file_data=data, file_size=len(data)
        )
        job.rows_total = estimate_rows(data)
        job.save(update_fields=["rows_total"])
        if job.rows_total > TASK_THRESHOLD:
            transaction.on_commit(lambda: preview_import.delay(job.pk))
        else:
            preview_job(job)
        return redirect("imports:job", pk=job.pk)
    jobs = ImportJob.objects.filter(user=request.user).defer(
        "file_data", "preview", "checked_rows"
    )[:10]
    return render(request, "imports/upload.html", {"form": form, "jobs": jobs})


@login_required
@permission_required(IMPORT_PERMISSION, raise_exception=True)
def job(request: HttpRequest, pk: int) -> HttpResponse:
    found = own_job(request, pk)
    rows = found.preview.get("rows", []) if found.preview else []
    ctx = {
        "job": found,
        "rows": rows,
        "listed_all": len(rows) >= found.error_count + found.new_count + found.changed_count,
        "result": found.result or {},
        "Status": ImportStatus,
    }
    return render(request, "imports/job.html", ctx)


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
