"""The seams through which apps on higher floors react to the matrix, without activities
importing them (see the README's floors).

- `activity_edited` / `activity_closed`: sent by activities.services when a person saves or
  closes an activity, inside the transaction of the save (a receiver that fails undoes the
  save), with `user` and `activity`. Update rounds count them as the agency's answer.
- `round_context_asked`: asked by "My agency's rows" what open update rounds ask of the
  agency shown (core.signals: receivers return what they add). Without an answer the page
  simply has no round banner and no round column.
- `activity_panels_asked`: blocks higher apps add to an activity's page (rounds' comment
  thread). What they add to the weekly digest of followed changes (rounds' mentions) goes
  through core.digest_sections, the digest's one question.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.dispatch import Signal
from django.http import HttpRequest

from activities.models import Activity
from agencies.models import Agency
from core.signals import answers

# Sent with `user` and `activity`; receivers return nothing. Receivers: rounds.hooks.answer_edit
# and rounds.hooks.answer_close (RoundsConfig.ready).
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


# Asked with `user`, `agency` and `rows` (the agency's activities on the page); each receiver
# returns a RoundContext and gives each row its `round_answers`. Receivers:
# rounds.hooks.round_context (RoundsConfig.ready).
round_context_asked = Signal()


def round_context(
    user: AbstractBaseUser, agency: Agency | None, rows: list[Activity]
) -> RoundContext:
    """The round context of `agency`'s `rows` as `user` sees them (empty if none applies)."""
    for row in rows:
        row.round_answers = []
    if agency is None:
        return RoundContext()
    found = answers(round_context_asked, sender=Activity, user=user, agency=agency, rows=rows)
    return RoundContext([banner for context in found for banner in context.banners])


# Asked with `request` and `activity` by an activity's page (its history): each receiver
# returns a block of HTML to show on it ("" for nothing). Receivers:
# rounds.hooks.comment_panel, the row's comment thread (RoundsConfig.ready);
# decisions.activity_page.documents_panel, its documents (DecisionsConfig.ready);
# results.panels.results_panel, its indicators, targets and values (ResultsConfig.ready).
activity_panels_asked = Signal()


def activity_panels(request: HttpRequest, activity: Activity) -> list[str]:
    found = answers(activity_panels_asked, sender=Activity, request=request, activity=activity)
    return [html for html in found if html]
