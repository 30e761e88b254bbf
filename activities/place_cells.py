"""Where each exported activity happens, as the downloads write it: its countries (the main
one first), the region, the places inside the countries and the themes, read for a whole
export in three queries (plain values, no model objects), today's or a past moment's.

The cells are lists joined with "; " (core.resources.join_list), as the agencies and tools
are; the import reads them back (imports.places).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from django.db.models import Q, QuerySet

from activities.models import ActivityCountry, ActivitySubdivision, ActivityTheme, Scope
from core.latest import latest_records
from core.names import sorted_by_name
from core.resources import join_list
from core.translations import translated
from countries.models import Country, Region


@dataclass(frozen=True, slots=True)
class Places:
    """An activity's links: country ids, (subdivision code, name, country id), themes as
    (code, name, name_fr, name_es)."""

    countries: tuple[int, ...] = ()
    subdivisions: tuple[tuple[str, str, int], ...] = ()
    themes: tuple[tuple[str, str, str, str], ...] = ()


NO_PLACES = Places()
THEME_VALUES = ("activity_id", "theme__code", "theme__name", "theme__name_fr", "theme__name_es")


@dataclass(frozen=True, slots=True)
class PlaceCells:
    """The place and theme cells of one row."""

    scope: str  # the scope's label
    codes: str  # alpha-3 codes, the main country first
    main: str  # the main country's alpha-3 code, or ""
    names: str  # the countries' names, in the same order
    region: str  # the region of a regional activity, else its countries' regions
    subdivision_codes: str
    subdivisions: str
    themes: str


def gather(
    countries: Iterable[tuple[int, int]],
    subdivisions: Iterable[tuple[int, str, str, int]],
    themes: Iterable[tuple[int, str, str, str, str]],
) -> dict[int, Places]:
    """Places per activity from (activity, country), (activity, code, name, country) and
    (activity, theme code, name, name_fr, name_es) rows; subdivisions and themes keep the
    rows' order."""
    found: dict[int, list[list]] = defaultdict(lambda: [[], [], []])
    for activity_id, country_id in countries:
        found[activity_id][0].append(country_id)
    for activity_id, code, name, country_id in subdivisions:
        found[activity_id][1].append((code, name, country_id))
    for activity_id, *theme in themes:
        found[activity_id][2].append(tuple(theme))
    return {pk: Places(tuple(c), tuple(s), tuple(t)) for pk, (c, s, t) in found.items()}


def places_by_activity(ids: Any) -> dict[int, Places]:
    """Today's places of these activities (ids: a list or a subquery): three queries."""
    coverage = ActivityCountry.objects.filter(activity_id__in=ids).values_list(
        "activity_id", "country_id"
    )
    places = (
        ActivitySubdivision.objects.filter(activity_id__in=ids)
        .order_by("subdivision__code")
        .values_list(
            "activity_id", "subdivision__code", "subdivision__name", "subdivision__country_id"
        )
    )
    themes = (
        ActivityTheme.objects.filter(activity_id__in=ids)
        .order_by("theme__position", "theme__name")
        .values_list(*THEME_VALUES)
    )
    return gather(coverage, places, themes)


def past_places_by_activity(when: datetime.datetime, ids: list[int]) -> dict[int, Places]:
    """The places of these activities at `when`, read from the links' history: three
    queries. A link's record keeps its subdivision's or theme's id: their code and name
    are today's (ISO codes and theme codes do not change)."""
    coverage = latest_records(ActivityCountry.history.model, when, activity_id__in=ids)
    places = latest_records(ActivitySubdivision.history.model, when, activity_id__in=ids)
    themes = latest_records(ActivityTheme.history.model, when, activity_id__in=ids)
    return gather(
        coverage.values_list("activity_id", "country_id"),
        places.order_by("subdivision__code").values_list(
            "activity_id", "subdivision__code", "subdivision__name", "subdivision__country_id"
        ),
        themes.order_by("theme__position", "theme__name").values_list(*THEME_VALUES),
    )


def covered_countries(queryset_ids: Any) -> QuerySet[Country]:
    """The countries these activities cover or name as main (for an export's lookups; the
    main one too, for a row written in bulk without its coverage row)."""
    from activities.models import Activity

    return Country.objects.filter(
        Q(pk__in=ActivityCountry.objects.filter(activity_id__in=queryset_ids).values("country_id"))
        | Q(pk__in=Activity.objects.filter(pk__in=queryset_ids).values("country_id"))
    )


class PlaceWriter:
    """Turns records' places into cells, each country's and theme's words worked out once
    per export (in the reader's language)."""

    def __init__(self) -> None:
        self.scopes = {value: str(label) for value, label in Scope.choices}
        self.regions = {value: str(label) for value, label in Region.choices}
        self._countries: dict[int, tuple[str, str, str]] = {}
        self._themes: dict[str, str] = {}

    def country(self, country: Country | None, pk: int) -> tuple[str, str, str]:
        """(alpha-3 code, localised name, region label) of a country."""
        cells = self._countries.get(pk)
        if cells is None and country is not None:
            cells = (country.alpha3, str(country), self.regions.get(country.region, ""))
            self._countries[pk] = cells
        return cells or ("", "", "")

    def theme_name(self, theme: tuple[str, str, str, str]) -> str:
        """A theme's name in the reader's language, worked out once per export."""
        name = self._themes.get(theme[0])
        if name is None:
            code, english, french, spanish = theme
            words = SimpleNamespace(name=english, name_fr=french, name_es=spanish)
            name = self._themes[code] = translated(words, "name")
        return name

    def ordered(
        self, record: Any, places: Places, countries: dict[int, Country]
    ) -> list[tuple[int, str, str, str]]:
        """(id, alpha-3 code, name, region label) of each country covered, the main one
        first, the others by name."""
        main_id = record.country_id
        shown = {pk: self.country(countries.get(pk), pk) for pk in places.countries}
        if main_id and main_id not in shown:
            shown[main_id] = self.country(countries.get(main_id), main_id)
        others = sorted_by_name((pk for pk in shown if pk != main_id), lambda pk: shown[pk][1])
        return [(pk, *shown[pk]) for pk in ([main_id] if main_id else []) + others]

    def region_of(self, record: Any, listed: list[tuple[int, str, str, str]]) -> str:
        if record.scope == Scope.REGIONAL:
            return self.regions.get(record.region, "")
        return join_list(dict.fromkeys(region for *_rest, region in listed if region))

    def cells(self, record: Any, places: Places, countries: dict[int, Country]) -> PlaceCells:
        listed = self.ordered(record, places, countries)
        main = listed[0][1] if record.country_id and listed else ""
        return PlaceCells(
            scope=self.scopes.get(record.scope, record.scope or ""),
            codes=join_list(code for _pk, code, _name, _region in listed),
            main=main,
            names=join_list(name for _pk, _code, name, _region in listed),
            region=self.region_of(record, listed),
            subdivision_codes=join_list(code for code, _name, _c in places.subdivisions),
            subdivisions=join_list(name for _code, name, _c in places.subdivisions),
            themes=join_list(self.theme_name(theme) for theme in places.themes),
        )

    def by_country(
        self, record: Any, places: Places, countries: dict[int, Country]
    ) -> list[tuple[str, str, str, str, str]]:
        """(code, name, region, subdivision codes, subdivision names) of each country
        covered, for the long HXL file; one empty country for an activity covering none."""
        found = []
        for pk, code, name, region in self.ordered(record, places, countries):
            inside = [(c, n) for c, n, country_id in places.subdivisions if country_id == pk]
            if record.scope == Scope.REGIONAL:
                region = self.regions.get(record.region, "")
            found.append(
                (
                    code,
                    name,
                    region,
                    join_list(c for c, _n in inside),
                    join_list(n for _c, n in inside),
                )
            )
        return found or [("", "", self.region_of(record, []), "", "")]
