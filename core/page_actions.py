"""Buttons that higher floors add to a lower floor's page: "Follow" (follows) on a country's
page (activities) and an agency's (agencies). The page names its slot and object with
`{% page_actions "country" country %}` (core/templatetags/page_actions.py); an app above
fills the slot from its AppConfig.ready with `register_page_action`, so the page's app never
imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class PageAction:
    """A template and the context it needs for one object (None: nothing to show)."""

    template: str
    context: Callable[[HttpRequest, Any], Mapping[str, object] | None]


_actions: dict[str, dict[str, PageAction]] = {}


def register_page_action(
    slot: str,
    template: str,
    context: Callable[[HttpRequest, Any], Mapping[str, object] | None],
) -> None:
    """Show `template` in the pages' `slot` ("country", "agency"), with `context(request,
    obj)`; once per template, whatever the number of calls."""
    _actions.setdefault(slot, {})[template] = PageAction(template, context)


def page_actions(slot: str) -> list[PageAction]:
    return [_actions[slot][template] for template in sorted(_actions.get(slot, {}))]
