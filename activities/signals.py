"""The seams through which apps on higher floors react to the matrix, without activities
importing them (see the README's floors).

- `activity_edited` / `activity_closed`: sent by activities.services when a person saves or
  closes an activity, inside the transaction of the save (a receiver that fails undoes the
  save), with `user` and `activity`. Update rounds count them as the agency's answer.
- `provide_round_context`: the one function that tells "My agency's rows" what open update
  rounds ask of the agency shown (rounds registers it in its AppConfig.ready). Without it the
  page simply has no round banner and no round column.
- `register_activity_panel`: blocks a higher app adds to an activity's page (rounds' comment
  thread); `register_digest_source`: lines a higher app adds to the weekly digest of followed
  changes (rounds' mentions), read by follows without either importing the other.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.dispatch import Signal
from django.http import HttpRequest

from activities.models import Activity
from agencies.models import Agency

# Keyword arguments of both: user, activity.
activity_edited = Signal()
activity_closed = Signal()


@dataclass(frozen=True)
class RoundContext:
    """What open update rounds add to an agency's rows.

    `banners`: one dict per round asking the agency, for the banner above the table (the
    template reads part, answered, url). The provider also gives each row `round_answers`,
    the row's answer in each of those rounds.
    """

    banners: list[dict] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        """Whether the page shows the round column at all."""
        return bool(self.banners)


RoundContextProvider = Callable[[AbstractBaseUser, Agency, list[Activity]], RoundContext]

_round_context: list[RoundContextProvider] = []


def provide_round_context(provider: RoundContextProvider) -> None:
    """Name the function that reads the round context of an agency's rows (one at most)."""
    _round_context[:] = [provider]


def round_context(
    user: AbstractBaseUser, agency: Agency | None, rows: list[Activity]
) -> RoundContext:
    """The round context of `agency`'s `rows` as `user` sees them (empty if none applies)."""
    if agency is None or not _round_context:
        for row in rows:
            row.round_answers = []
        return RoundContext()
    return _round_context[0](user, agency, rows)


# Panels of an activity's page (its history page): a higher app adds a block (the comment
# thread, from rounds) without activities importing it. A panel is a function
# (request, activity) -> HTML, "" to show nothing.
ActivityPanel = Callable[[HttpRequest, Activity], str]
_activity_panels: dict[str, ActivityPanel] = {}


def register_activity_panel(name: str, panel: ActivityPanel) -> None:
    """Add (or replace, by name) a panel shown on every activity's page."""
    _activity_panels[name] = panel


def activity_panels(request: HttpRequest, activity: Activity) -> list[str]:
    return [html for panel in _activity_panels.values() if (html := panel(request, activity))]


@dataclass(frozen=True)
class DigestLine:
    """One line a higher app adds to a person's digest of followed changes (a mention)."""

    text: str
    link: str
    when: datetime.datetime


# (user, since, until) -> lines: the follow digest (follows) asks every registered source.
DigestSource = Callable[[AbstractBaseUser, datetime.datetime, datetime.datetime], list[DigestLine]]
_digest_sources: dict[str, DigestSource] = {}


def register_digest_source(name: str, source: DigestSource) -> None:
    _digest_sources[name] = source


def digest_lines(
    user: AbstractBaseUser, since: datetime.datetime, until: datetime.datetime
) -> list[DigestLine]:
    lines = [line for source in _digest_sources.values() for line in source(user, since, until)]
    return sorted(lines, key=lambda line: line.when, reverse=True)
