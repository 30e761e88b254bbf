"""Sections that floors above add to a country's page (its status and joint workplan, say),
by answering the signal `country_sections_asked` (core.signals): the page's view never
imports them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.dispatch import Signal
from django.http import HttpRequest

from core.signals import answers
from countries.models import Country


@dataclass(frozen=True)
class CountrySection:
    """A part of the country page: a template and what it shows (its `section`)."""

    template: str
    context: Mapping[str, object]
    order: int = 100


# Asked with `request` and `country` when a country's page is drawn; each receiver returns a
# CountrySection (or None). Receivers: decisions.country_page.country_section (the country's
# status, joint workplan and documents, DecisionsConfig.ready);
# results.country_page.country_section (its milestones, coverage figures and the activities'
# progress, ResultsConfig.ready).
country_sections_asked = Signal()


def country_sections(request: HttpRequest, country: Country) -> list[CountrySection]:
    found = answers(country_sections_asked, sender=Country, request=request, country=country)
    return sorted(found, key=lambda section: (section.order, section.template))
