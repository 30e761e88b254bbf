"""Buttons that higher floors add to a lower floor's page: "Follow" (follows) on a country's
page (activities) and an agency's (agencies). The page names its slot and object with
`{% page_actions "country" country %}` (core/templatetags/page_actions.py), which asks the
signal below (core.signals); the page's app never imports the apps that answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.dispatch import Signal
from django.http import HttpRequest

from core.signals import answers


@dataclass(frozen=True)
class PageAction:
    """A template and what it shows."""

    template: str
    context: Mapping[str, object]


# Asked with `slot` ("country", "agency"), `obj` (the country or agency) and `request` when
# a country's or an agency's page is drawn; each receiver returns a PageAction (or None).
# Receivers: follows.views.follow.page_button (the Follow button, FollowsConfig.ready);
# results.page_action.country_entry_button (a country's results to enter, ResultsConfig.ready).
page_actions_asked = Signal()


def page_actions(slot: str, obj: Any, request: HttpRequest) -> list[PageAction]:
    return answers(page_actions_asked, sender=PageAction, slot=slot, obj=obj, request=request)
