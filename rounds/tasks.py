"""Celery tasks of update rounds: telling the asked agencies' members."""

from celery import shared_task
from django.db import transaction

from rounds import emails

MAX_RETRIES = 5


@shared_task(bind=True, name="rounds.announce_parts", max_retries=MAX_RETRIES)
def announce_parts(self, part_ids: list[int], only_users: list[int] | None = None) -> int:
    """Email the members asked in these round parts; people whose email failed are tried
    again later (30 s, 1, 2, 4, 8 min), the others are not emailed twice. Returns how many
    failed for good on the last try."""
    failed = emails.announce(part_ids, only_users)
    if failed and not self.request.is_eager and self.request.retries < self.max_retries:
        raise self.retry(args=[part_ids, failed], countdown=30 * 2**self.request.retries)
    return len(failed)


def announce_later(part_ids: list[int]) -> None:
    """Queue the emails once the parts are committed (no email about a rolled-back round)."""
    if part_ids:
        transaction.on_commit(lambda: announce_parts.delay(part_ids))


@shared_task(name="rounds.tell_returned")
def tell_returned(part_id: int) -> int:
    """Email the agency's members that the secretariat returned its submission."""
    return emails.tell_returned(part_id)


def tell_returned_later(part_id: int) -> None:
    transaction.on_commit(lambda: tell_returned.delay(part_id))


@shared_task(name="rounds.tell_mentioned")
def tell_mentioned(comment_id: int) -> int:
    """Email the people and agencies a comment mentions."""
    return emails.tell_mentioned(comment_id)


def tell_mentioned_later(comment_id: int) -> None:
    transaction.on_commit(lambda: tell_mentioned.delay(comment_id))
