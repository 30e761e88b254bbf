"""How update rounds hook into the matrix, through the seams of activities.signals.

Connected by RoundsConfig.ready: a member's edit or close of an activity answers for the row
in their agencies' open rounds (record_edit / record_close, the one rule), and "My agency's
rows" shows each row's answer in the rounds asking the agency (round_context answers
activities.signals.round_context_asked).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.roles import agency_ids
from activities.models import Activity
from activities.signals import RoundContext
from agencies.models import Agency
from core.digest_sections import DigestItem, DigestSection
from rounds.comments import mentions_of
from rounds.links import where_and_link
from rounds.models import Outcome, RoundAgency
from rounds.services import confirmations_for, open_parts_for, record_close, record_edit


def answer_edit(sender: type, *, user: AbstractBaseUser, activity: Activity, **kwargs) -> None:
    record_edit(user, activity)


def answer_close(sender: type, *, user: AbstractBaseUser, activity: Activity, **kwargs) -> None:
    record_close(user, activity)


def open_parts(user: AbstractBaseUser, agency: Agency) -> list[RoundAgency]:
    """The open rounds that ask this agency (for the secretariat too, who is not a member)."""
    if agency.pk in agency_ids(user):
        return [part for part in open_parts_for(user) if part.agency_id == agency.pk]
    return list(
        RoundAgency.objects.filter(agency=agency, round__closed_at__isnull=True)
        .select_related("round", "agency")
        .order_by("round__deadline")
    )


@dataclass(frozen=True)
class RoundAnswer:
    part: RoundAgency
    outcome: str  # an Outcome value, or "" when the row still waits for an answer
    label: str


def round_context(
    sender: object, *, user: AbstractBaseUser, agency: Agency, rows: list[Activity], **kwargs
) -> RoundContext:
    """The rounds asking `agency`, and each row's answer in them: two queries at most,
    whatever the number of rows (the open parts, then all their answers). A receiver of
    activities.signals.round_context_asked."""
    parts = open_parts(user, agency)
    answers = confirmations_for(parts)
    labels = {
        Outcome.CONFIRMED: _("Confirmed"),
        Outcome.EDITED: _("Edited"),
        Outcome.CLOSED: _("Closed"),
    }
    waiting = _("To confirm")
    for row in rows:
        found = []
        for part in parts:
            answer = answers.get((part.pk, row.pk))
            outcome = answer.outcome if answer else ""
            found.append(RoundAnswer(part, outcome, labels.get(outcome, waiting)))
        row.round_answers = found
    banners = [
        {
            "part": part,
            "answered": sum(1 for part_id, _row in answers if part_id == part.pk),
            "url": reverse("rounds:checklist", kwargs={"part_id": part.pk}),
        }
        for part in parts
    ]
    return RoundContext(banners)


def comment_panel(sender: type, *, request: HttpRequest, activity: Activity, **kwargs) -> str:
    """The row's comment thread on its page (activities.signals.activity_panels_asked)."""
    from rounds.views.comments import row_panel

    return row_panel(request, activity)


def mentions_section(
    sender: type,
    *,
    user: AbstractBaseUser,
    since: datetime.datetime,
    until: datetime.datetime,
    **kwargs,
) -> DigestSection | None:
    """The comments that mentioned the person (or their agency) in the digest's window, first
    in the digest (core.digest_sections.digest_news_asked)."""
    items = []
    for comment in sorted(
        mentions_of(user, since, until), key=lambda c: c.created_at, reverse=True
    ):
        where, link = where_and_link(comment)
        author = comment.author.get_full_name() or comment.author.get_username()
        title = _("%(author)s mentioned you on %(where)s") % {"author": author, "where": where}
        when = formats.date_format(timezone.localtime(comment.created_at), "SHORT_DATETIME_FORMAT")
        items.append(DigestItem(title, when, f"{settings.SITE_URL}{link}"))
    return DigestSection(_("You were mentioned"), items, order=10) if items else None
