"""Celery tasks of follows: the weekly digest of followed changes (celery beat)."""

from celery import shared_task

from follows.digest import send_follow_digests


@shared_task(name="follows.send_digests")
def send_digests() -> int:
    return send_follow_digests()
