"""The email that tells a member the secretariat returned their result (a value, a
milestone, a coverage figure), with the reason and a link, in the member's language, through
the hub's one email helper (core.emails)."""

from __future__ import annotations

import logging
from smtplib import SMTPException

from django.conf import settings
from django.urls import reverse

from accounts.language import language_of
from core import emails
from results.models import ResultValue

logger = logging.getLogger(__name__)


def link_of(row) -> str:
    if isinstance(row, ResultValue):
        path = reverse("results:value_edit", args=[row.pk])
    else:
        path = reverse("results:country_entry", args=[row.country.code])
    return f"{settings.SITE_URL}{path}"


def author_of(row):
    return row.submitted_by if isinstance(row, ResultValue) else row.created_by


def what_of(row) -> str:
    if isinstance(row, ResultValue):
        link = row.activity_indicator
        return f"{link.indicator.code}, {row.period.label}: {link.activity.title}"
    return str(row)


def tell_returned(row) -> bool:
    """Email the entry's author; False when there is nobody to tell or the mail failed (the
    entry shows the reason on its page anyway)."""
    person = author_of(row)
    if person is None or not person.email:
        return False
    context = {
        "name": person.get_full_name() or person.get_username(),
        "what": what_of(row),
        "reason": row.return_reason,
        "link": link_of(row),
    }
    try:
        emails.send("result_returned", person.email, context, language=language_of(person))
    except (SMTPException, OSError):
        logger.exception("Could not tell %s their result was returned", person.pk)
        return False
    return True
