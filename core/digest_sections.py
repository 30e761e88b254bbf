"""News that apps add to the follow digest (the coalition's decisions, say), registered from
their AppConfig.ready. Kept on the bottom floor: the follow digest (follows) and what feeds
it (decisions) are siblings that may not import each other, and both import this.

A section is a heading and a function `items(user, since, until) -> list[DigestItem]`; the
digest shows the sections that have items, after the changes to the followed rows, and is
sent when either has something to tell."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.utils.functional import Promise


@dataclass(frozen=True)
class DigestItem:
    title: str
    detail: str  # one line under it: when, where, by whom
    link: str  # absolute


Items = Callable[[AbstractBaseUser, datetime.datetime, datetime.datetime], list[DigestItem]]


@dataclass(frozen=True)
class DigestSection:
    heading: str | Promise
    items: Items
    order: int = 100


_sections: dict[str, DigestSection] = {}


def register_digest_section(key: str, heading: str | Promise, items: Items, order: int = 100):
    """Add a section to every follow digest (one per key; registering again replaces it)."""
    _sections[key] = DigestSection(heading, items, order)


def digest_sections(
    user: AbstractBaseUser, since: datetime.datetime, until: datetime.datetime
) -> list[tuple[str, list[DigestItem]]]:
    """(heading, items) of each section with something to tell this person, in order."""
    found = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, str(s.heading))):
        items = section.items(user, since, until)
        if items:
            found.append((str(section.heading), items))
    return found
