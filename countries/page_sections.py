"""Sections that floors above add to a country's page (its status and joint workplan, say),
registered from their AppConfig.ready: the page's view asks them here and never imports
them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.http import HttpRequest

from countries.models import Country

SectionContext = Callable[[HttpRequest, Country], Mapping[str, object] | None]


@dataclass(frozen=True)
class CountrySection:
    template: str
    context: SectionContext
    order: int = 100


_sections: dict[str, CountrySection] = {}


def register_country_section(template: str, context: SectionContext, order: int = 100) -> None:
    """Show `template` on the country page with `context(request, country)` as `section`;
    a context of None leaves the section out (one section per template)."""
    _sections[template] = CountrySection(template, context, order)


def country_sections(request: HttpRequest, country: Country) -> list[tuple[str, Mapping]]:
    """(template, context) of each section shown for this country, in order."""
    shown = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.template)):
        context = section.context(request, country)
        if context is not None:
            shown.append((section.template, context))
    return shown
