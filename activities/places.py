"""Where an activity happens (issue 20): its scope, its countries, the places inside them.

The rules are stated and written here once; the forms, the admin, the import and the API
ask them (`check_places`, then `set_places`):

- one country (Scope.COUNTRY): the main country is required, and it is the only one covered;
- several countries: two or more, the main one (optional) among them;
- regional: an ILO region is required; its countries are an optional list (none: the whole
  region); no main country. A listed country outside the region is a warning, not an
  error: the person may mean it (a South-South exchange with a neighbour);
- global: no country, no region;
- a place inside a country (ISO 3166-2 subdivision) belongs to a country the activity covers.

The percentages of each country (IATI's recipient-country) are computed, never typed:
equal shares adding to exactly 100 (`country_shares`).

The links are written row by row, so that each change is in their history (a bulk write
would leave no trace there) and the activity's past versions show where it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from activities.choices import Scope
from activities.models import Activity
from activities.place_models import (
    ActivityCountry,
    ActivitySubdivision,
    ActivityTheme,
    covered_countries,
    link_exactly,
    place_label,
)
from core.names import sort_key
from countries.models import Region

if TYPE_CHECKING:
    from activities.place_models import Theme
    from countries.models import Country, Subdivision

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass
class PlaceCheck:
    """The answer of check_places: errors by form field (the save is refused), warnings
    (shown, the save allowed), and the countries covered once the main one is added."""

    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _names(countries: Iterable[Country]) -> str:
    return ", ".join(sorted((str(c) for c in countries), key=sort_key))


def check_places(
    *,
    scope: str,
    region: str,
    main: Country | None,
    countries: Iterable[Country],
    subdivisions: Iterable[Subdivision] = (),
) -> PlaceCheck:
    """Check a place as a person gave it (see the module's rules)."""
    check = PlaceCheck()
    listed = list(dict.fromkeys(countries))
    if main is not None and main not in listed:
        listed.insert(0, main)
    elif main is not None:
        listed.remove(main)
        listed.insert(0, main)
    errors = check.errors
    if scope not in Scope.values:
        errors["scope"] = _(
            "Choose where the activity happens: one country, several, a region or global."
        )
        return check
    if scope != Scope.REGIONAL and region:
        errors["region"] = _(
            "Only a regional activity has a region: choose “Regional” or clear the region."
        )
    if scope == Scope.COUNTRY:
        if main is None:
            errors["country"] = _("Choose the country of a one-country activity.")
        elif len(listed) > 1:
            errors["countries"] = _(
                "A one-country activity covers its country only (%(others)s also chosen): "
                "choose “Several countries” to add others."
            ) % {"others": _names(listed[1:])}
    elif scope == Scope.MULTI_COUNTRY:
        if len(listed) < 2:
            errors["countries"] = _(
                "An activity in several countries needs at least two: add the others, or "
                "choose “One country”."
            )
    elif scope == Scope.REGIONAL:
        if not region:
            errors["region"] = _("Choose the region of a regional activity.")
        if main is not None:
            errors["country"] = _(
                "A regional activity has no main country: leave it empty and list the "
                "countries it covers, if not the whole region."
            )
        outside = [c for c in listed if region and c.region != region]
        if outside and not errors:
            check.warnings.append(
                _("%(countries)s: not in %(region)s. Saved all the same, if that is what you mean.")
                % {"countries": _names(outside), "region": Region(region).label}
            )
    elif scope == Scope.GLOBAL and (listed or main is not None):
        errors["countries"] = _(
            "A global activity covers every country: leave the countries and the main "
            "country empty, or choose “Several countries”."
        )
    check.countries = listed
    covered = {c.pk for c in listed}
    stray = [s for s in subdivisions if s.country_id not in covered]
    if stray:
        errors["subdivisions"] = _(
            "%(places)s: in a country the activity does not cover. Add the country, or "
            "remove the place."
        ) % {"places": ", ".join(f"{s.name} ({s.country})" for s in stray)}
    return check


def set_places(
    activity: Activity,
    *,
    scope: str,
    region: str,
    main: Country | None,
    countries: Iterable[Country],
    subdivisions: Iterable[Subdivision] = (),
) -> PlaceCheck:
    """Check the place and write it: the activity's scope, region and main country (saved
    only when they changed), its covered countries and its subdivisions. Raises
    ValidationError (by field) when the place breaks a rule; returns the check, whose
    warnings the caller shows."""
    subdivisions = list(subdivisions)
    check = check_places(
        scope=scope, region=region, main=main, countries=countries, subdivisions=subdivisions
    )
    if check.errors:
        raise ValidationError(check.errors)
    region = region if scope == Scope.REGIONAL else ""
    main_id = main.pk if main is not None else None
    if activity.pk is None or (activity.scope, activity.region, activity.country_id) != (
        scope,
        region,
        main_id,
    ):
        activity.scope, activity.region, activity.country = scope, region, main
        activity.save()
    link_exactly(activity, ActivityCountry, [c.pk for c in check.countries])
    link_exactly(activity, ActivitySubdivision, [s.pk for s in subdivisions])
    return check


def cover_main_countries(activity_ids: Iterable[int]) -> int:
    """Give the one-country activities among `activity_ids` that lack it their coverage row
    (their main country), in a few statements, history included: for rows written in bulk
    (bulk_create skips Activity.save, which writes it). Returns how many rows were added."""
    ids = list(activity_ids)
    lacking = (
        Activity.objects.filter(pk__in=ids, scope=Scope.COUNTRY, country__isnull=False)
        .filter(~Exists(ActivityCountry.objects.filter(activity=OuterRef("pk"))))
        .values_list("pk", "country_id")
    )
    links = [ActivityCountry(activity_id=pk, country_id=country) for pk, country in lacking]
    bulk_create_with_history(links, ActivityCountry, batch_size=1000)
    return len(links)


def set_themes(activity: Activity, themes: Iterable[Theme]) -> None:
    """Make the activity's themes exactly `themes` (history kept link by link)."""
    link_exactly(activity, ActivityTheme, [t.pk for t in themes])


# Reading (covered_countries and place_label live beside the links, for Activity.place) ---

__all__ = ["covered_countries", "place_label"]


def country_shares(activity: Activity) -> list[tuple[Country, Decimal]]:
    """Each covered country's percentage of the activity (IATI recipient-country): equal
    shares to the cent, the cents left over given to the first countries (the main one
    first), so that they add to exactly 100. Empty for a regional activity of the whole
    region and a global one (they have a recipient region, or none)."""
    countries = covered_countries(activity)
    return split_hundred(countries)


def split_hundred(items: Sequence) -> list[tuple]:
    """`items` with equal percentages to the cent adding to exactly 100."""
    if not items:
        return []
    cents = 10000
    base, left = divmod(cents, len(items))
    return [
        (item, (Decimal(base + (1 if index < left else 0)) * CENT).quantize(CENT))
        for index, item in enumerate(items)
    ]
