"""The weekly email of what changed in the rows a person follows (celery beat runs it; so does
`manage.py send_follow_digests`).

Each person is told of the changes after the end of their last digest (or, the first time,
of the last week since they started following), up to now; then the mark moves to now. An
email lost to a crash between sending and marking is sent again next time: a change may be
told twice, never skipped.
"""

from __future__ import annotations

import datetime
import logging
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import get_connection
from django.db.models import Min
from django.urls import reverse
from django.utils import timezone, translation

from accounts.language import language_of
from core import emails
from core.digest_sections import digest_sections
from countries.models import Country
from follows.changes import changes_for
from follows.models import Follow, FollowDigest

logger = logging.getLogger(__name__)

FIRST_WINDOW = datetime.timedelta(days=7)
MAIL_ERRORS = (SMTPException, OSError)


def followers() -> list[User]:
    """Active people with an email who follow something, with their profile."""
    return list(
        User.objects.filter(is_active=True, follows__isnull=False)
        .exclude(email="")
        .select_related("profile", "follow_digest")
        .annotate(following_since=Min("follows__created_at"))
        .order_by("pk")
    )


def window_start(user: User, now: datetime.datetime) -> datetime.datetime:
    digest = getattr(user, "follow_digest", None)
    if digest is not None:
        return digest.told_up_to
    return max(user.following_since, now - FIRST_WINDOW)


def send_follow_digests(now: datetime.datetime | None = None) -> int:
    """Email each follower the changes since their last digest; returns the emails sent."""
    now = now or timezone.now()
    sent = 0
    with get_connection() as connection:
        for user in followers():
            since = window_start(user, now)
            changes = changes_for(user, since, now)
            with translation.override(language_of(user)):
                # Other apps word their sections as they are asked: in the reader's language.
                sections = digest_sections(user, since, now)
            if changes or sections:
                try:
                    send_digest(user, since, changes, connection, sections)
                except MAIL_ERRORS:
                    logger.exception("The digest of followed changes to user %s failed", user.pk)
                    continue  # the mark stays: the next run tells these changes again
                sent += 1
            FollowDigest.objects.update_or_create(user=user, defaults={"told_up_to": now})
    return sent


def send_digest(
    user: User, since: datetime.datetime, changes: list, connection, sections=()
) -> None:
    language = language_of(user)
    countries = {c.pk: c for c in Country.objects.filter(pk__in={c.country_id for c in changes})}
    follows = Follow.objects.filter(user=user).select_related("country", "agency")
    emails.send(
        "follow_digest",
        to=user.email,
        context={
            "name": user.get_full_name() or user.email,
            "since": since,
            "changes": [
                {
                    "change": change,
                    "country": countries.get(change.country_id),
                    "link": settings.SITE_URL
                    + reverse("activities:history", kwargs={"reference": change.reference}),
                }
                for change in changes
            ],
            "following": [follow.country or follow.agency for follow in follows],
            # What other apps add (core.digest_sections): the coalition's decisions, say.
            "sections": sections,
            "total": len(changes) + sum(len(items) for _heading, items in sections),
            "profile_link": f"{settings.SITE_URL}{reverse('profile')}#follows",
        },
        language=language,
        headers={"Content-Language": language},
        connection=connection,
    )
