"""A link from a country's page to its milestones and coverage figures, for the people who
add them there: the members of agencies working in the country and the secretariat (a
receiver of core.page_actions.page_actions_asked, connected by ResultsConfig.ready)."""

from __future__ import annotations

import rules
from django.http import HttpRequest

from core.page_actions import PageAction


def country_entry_button(
    sender: object, *, slot: str, obj: object, request: HttpRequest, **kwargs: object
) -> PageAction | None:
    if slot != "country" or not request.user.is_authenticated:
        return None
    if not rules.has_perm("results.add_country_result", request.user, obj):
        return None
    return PageAction("results/_country_entry_button.html", {"country": obj})
