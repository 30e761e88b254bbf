"""The results section of a country's page (countries.page_sections.country_sections_asked):
the headline figures, milestones, coverage figures and the progress of the activities, as
the reader may see them; the country's results page has every row."""

from __future__ import annotations

from django.http import HttpRequest

from countries.models import Country
from countries.page_sections import CountrySection
from results.country_results import country_results

# Progress rows shown on the country page; the country's results page lists them all.
PROGRESS_ROWS = 12
# After the coalition's work there (decisions, 20), before the matrix's rows.
ORDER = 30


def reader(request: HttpRequest):
    """None for the public (approved values only), else the person, who may see more."""
    return request.user if request.user.is_authenticated else None


def country_section(sender, request: HttpRequest, country: Country, **kwargs) -> CountrySection:
    """A receiver of countries.page_sections.country_sections_asked (ResultsConfig.ready)."""
    found = country_results(country, reader(request), rows=PROGRESS_ROWS)
    return CountrySection(
        "results/_country_section.html",
        {
            "results": found,
            "progress": found.reported,
            "more": max(0, found.reported_count - len(found.reported)),
        },
        ORDER,
    )
