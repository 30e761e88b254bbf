"""Helpers for forms that ask for a country."""

from core.names import sorted_by_name
from countries.models import Country


def country_choices() -> list[str]:
    """Suggestions for a country input (a datalist), in the active language."""
    return sorted_by_name(str(country) for country in Country.objects.all())
