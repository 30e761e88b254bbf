"""Celery tasks for large imports: the preview and the apply, outside the web request.

Both are safe to run twice (a retry, a duplicated message): each starts with a
compare-and-set on the job's status, see imports.jobs.
"""

from celery import shared_task

from imports.jobs import apply_job, preview_job
from imports.models import ImportJob


@shared_task(acks_late=True)
def preview_import(job_id: int) -> None:
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is not None:
        preview_job(job)


@shared_task(acks_late=True)
def apply_import(job_id: int) -> None:
    if ImportJob.objects.filter(pk=job_id).exists():
        apply_job(job_id)
