"""The coalition's decisions in the follow digest (core.digest_sections): those recorded in the
digest's window that the person may read (public ones, or all of them for members)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from core.digest_sections import DigestItem, DigestSection
from decisions.models import Decision

MAX_DECISIONS = 50


def decisions_section(sender, user, since, until, **kwargs) -> DigestSection | None:
    """The digest's section of decisions (a receiver of core.digest_sections.digest_news_asked,
    connected by DecisionsConfig.ready)."""
    items = decisions_since(user, since, until)
    return DigestSection(_("Decisions of the coalition"), items, order=50) if items else None


def decisions_since(
    user: AbstractBaseUser, since: datetime.datetime, until: datetime.datetime
) -> list[DigestItem]:
    decisions = (
        Decision.objects.visible_to(user)
        .filter(recorded_at__gt=since, recorded_at__lte=until)
        .select_related("meeting")
        .order_by("-decided_on", "-pk")[:MAX_DECISIONS]
    )
    return [
        DigestItem(
            title=str(decision),
            detail=_("%(date)s, %(meeting)s")
            % {
                "date": formats.date_format(decision.decided_on, "DATE_FORMAT"),
                "meeting": decision.meeting.title,
            },
            link=f"{settings.SITE_URL}{reverse('decisions:log')}#decision-{decision.pk}",
        )
        for decision in decisions
    ]
