"""A country's first-level subdivisions (ISO 3166-2: regions, provinces, states), loaded
from pycountry's copy of the standard: shipped offline with the package, kept up to date by
its maintainers, with the names' translations.

Only the first level: the ISO list goes down to districts in some countries, and the matrix
asks "where in the country" at the level every 3W tool uses (admin-1).
"""

from __future__ import annotations

import gettext
import unicodedata
from collections.abc import Iterable
from functools import cache

import pycountry

# The spellings kept besides the ISO name: the hub's languages.
VARIANT_LANGUAGES = ("en", "fr", "es")


@cache
def _translation(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-2", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def ascii_spelling(name: str) -> str:
    """The name without its accents ("Thiès" -> "Thies"), as spreadsheets often have it."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_variants(name: str) -> list[str]:
    """Other spellings of an ISO name: its English, French and Spanish translations where
    pycountry has them, and each without accents; the name itself excluded."""
    found: list[str] = []
    for language in VARIANT_LANGUAGES:
        found.append(_translation(language).gettext(name))
    found += [ascii_spelling(written) for written in [name, *found]]
    return [written for written in dict.fromkeys(found) if written and written != name]


def first_level(alpha2: str) -> list:
    """pycountry's first-level subdivisions of a country (those without a parent)."""
    return [
        entry
        for entry in pycountry.subdivisions.get(country_code=alpha2) or []
        if not getattr(entry, "parent_code", None)
    ]


def load_subdivisions(countries: Iterable | None = None, *, model) -> int:
    """Add the first-level subdivisions of `countries` (every country when None) that the
    hub lacks; returns how many were added. Those already there are left as they are.
    `model`: countries.models.Subdivision, or its copy in a migration's state (passed in:
    countries.models calls this module, which imports none of it)."""
    if countries is None:
        countries = model._meta.get_field("country").related_model.objects.all()
    countries = list(countries)
    known = set(
        model.objects.filter(country__in=[c.pk for c in countries]).values_list("code", flat=True)
    )
    new = []
    for country in countries:
        for entry in first_level(str(country.code)):
            if entry.code in known:
                continue
            known.add(entry.code)
            new.append(
                model(
                    country_id=country.pk,
                    code=entry.code,
                    name=entry.name,
                    kind=entry.type or "",
                    name_variants="\n".join(name_variants(entry.name)),
                )
            )
    model.objects.bulk_create(new, batch_size=1000)
    return len(new)
