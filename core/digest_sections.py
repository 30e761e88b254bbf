"""News that apps add to the follow digest (the coalition's decisions, say), by answering the
signal `digest_news_asked` (core.signals). Declared on the bottom floor: the follow digest
(follows) and what feeds it (decisions) are siblings, which may not import each other.

The digest shows the sections that have items, after the changes to the followed rows, and is
sent when either has something to tell."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.dispatch import Signal
from django.utils.functional import Promise

from core.signals import answers


@dataclass(frozen=True)
class DigestItem:
    title: str
    detail: str  # one line under it: when, where, by whom
    link: str  # absolute


@dataclass(frozen=True)
class DigestSection:
    heading: str | Promise
    items: list[DigestItem]
    order: int = 100


# Asked with `user`, `since` and `until` for each digest; each receiver returns a
# DigestSection (or None when it has nothing for the person). Receivers:
# rounds.hooks.mentions_section (RoundsConfig.ready), the comments that mentioned the
# person; decisions.digest.decisions_section (DecisionsConfig.ready). Asked in the reader's
# language (follows.digest).
digest_news_asked = Signal()


def digest_sections(
    user, since: datetime.datetime, until: datetime.datetime
) -> list[tuple[str, list[DigestItem]]]:
    """(heading, items) of each section with something to tell this person, in order."""
    found = answers(digest_news_asked, sender=DigestSection, user=user, since=since, until=until)
    ordered = sorted(found, key=lambda section: (section.order, str(section.heading)))
    return [(str(section.heading), section.items) for section in ordered if section.items]
