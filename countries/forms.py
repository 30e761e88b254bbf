"""Helpers for forms that ask for a country."""

from countries.models import Country


def country_choices() -> list[str]:
    """Suggestions for a country input (a datalist), in the active language."""
    return sorted(str(country) for country in Country.objects.all())
