"""Where an imported row's activity happens, and its themes: the scope, the countries (a
list cell, "Senegal; Mali", "Sénégal, Mali"), a region's name or "Global" in the country
column, the main country, the places inside the countries (ISO 3166-2 codes, or names in
English, French, Spanish or the local spelling) and the themes (by name in any of the three
languages, or by code).

The row's place is then checked by the matrix's own rules (activities.places.check_places):
a multi-country row naming one country, a place in a country the row does not cover...
are errors naming the column, the value and the reason. Every name is matched against
indexes built once per import (PlaceLookup), so a 10,000-row file costs look-ups, not
queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.utils.translation import gettext as _

from activities.models import Scope, Theme
from activities.places import check_places
from core.names import AmbiguousName, NameIndex, NameNotFound, in_every_language
from countries.models import Country, Region, Subdivision
from imports.finding import CellError, find, find_list
from imports.words import GLOBAL_WORDS, SCOPE_WORDS

GLOBAL = "global"
REGION = "region:"
# The columns that say where: a file having one of them states the row's whole place.
PLACE_COLUMNS = ("scope", "country_code", "country", "main_country", "region")
SUBDIVISION_COLUMNS = ("subdivision_codes", "subdivisions")
# The empty set, shared by every row that has none (Python makes a new one each time).
NONE: frozenset[int] = frozenset()
# Set-valued fields of an activity an import writes (besides the tools): its links.
PLACE_SETS = ("countries", "subdivisions", "themes")


class PlaceLookup:
    """The names of countries, regions, scopes, places and themes, read once per import
    (the subdivisions only when a file has a column of them)."""

    def __init__(self, countries: NameIndex[int]) -> None:
        # A country cell names countries, or one region, or the whole world.
        self.where: NameIndex[int | str] = countries  # (the import's country index)
        regions = list(Region.choices)
        for value, label in in_every_language(regions):
            self.where.add(label, REGION + value, str(label), strong=True)
        for value, _label in regions:
            self.where.add(value, REGION + value, value, strong=True)
        for word in GLOBAL_WORDS:
            self.where.add(word, GLOBAL, _("Global"), strong=True)
        self.regions: NameIndex[str] = NameIndex()
        for value, label in [*in_every_language(regions), *regions]:
            self.regions.add(str(label), value, str(label), strong=True)
            self.regions.add(value, value, str(label), strong=True)
        self.scopes: NameIndex[str] = NameIndex()
        for value, label in [*in_every_language(Scope.choices), *Scope.choices]:
            self.scopes.add(str(label), value, str(label), strong=True)
            self.scopes.add(value, value, str(label), strong=True)
        for value, words in SCOPE_WORDS.items():
            for word in words:
                self.scopes.add(word, value, word)
        self.stubs = {
            pk: CountryStub(pk, region, name)
            for pk, region, name in Country.objects.values_list("pk", "region", "name")
        }
        self.themes: NameIndex[int] = NameIndex()
        self.theme_names: dict[int, str] = {}
        for pk, code, name, name_fr, name_es in Theme.objects.values_list(
            "pk", "code", "name", "name_fr", "name_es"
        ):
            self.theme_names[pk] = name
            self.themes.add(code, pk, name, strong=True)
            for written in (name, name_fr, name_es):
                if written:
                    self.themes.add(written, pk, name)
        self._inside: dict[frozenset[int], NameIndex[int]] = {}
        self._alone: dict[int, frozenset[int]] = {}

    def alone(self, pk: int) -> frozenset[int]:
        """{pk}, one set per country shared by every row of it (a 10,000-row file's memory)."""
        found = self._alone.get(pk)
        if found is None:
            found = self._alone[pk] = frozenset([pk])
        return found

    def stub(self, pk: int) -> CountryStub:
        return self.stubs[pk]

    @cached_property
    def subdivision_rows(self) -> list[tuple[int, int, str, str, str]]:
        """(id, country id, code, name, variants) of every subdivision: one query."""
        return list(
            Subdivision.objects.order_by().values_list(
                "pk", "country_id", "code", "name", "name_variants"
            )
        )

    @cached_property
    def subdivision_codes(self) -> dict[int, str]:
        return {pk: code for pk, _country, code, _name, _variants in self.subdivision_rows}

    @cached_property
    def subdivision_country(self) -> dict[int, int]:
        return {pk: country for pk, country, _code, _name, _v in self.subdivision_rows}

    @cached_property
    def all_subdivisions(self) -> NameIndex[int]:
        """Every place by code and name, all countries together (to say which country a
        place the row's countries do not have is in)."""
        return index_of(self.subdivision_rows)

    def subdivisions_in(self, countries: frozenset[int]) -> NameIndex[int]:
        """The places of these countries only: a name two countries share ("Centre") is
        then one place. Built once per set of countries."""
        index = self._inside.get(countries)
        if index is None:
            rows = [row for row in self.subdivision_rows if row[1] in countries]
            index = self._inside[countries] = index_of(rows)
        return index


def index_of(rows: Iterable[tuple[int, int, str, str, str]]) -> NameIndex[int]:
    index: NameIndex[int] = NameIndex()
    for pk, _country, code, name, variants in rows:
        index.add(code, pk, f"{name} ({code})", strong=True)
        for written in (name, *variants.splitlines()):
            if written.strip():
                index.add(written.strip(), pk, f"{name} ({code})")
    return index


def text_of(value: Any) -> str:
    return "" if value is None else str(value).strip()


def read_places(row: Any, cells: dict[str, Any], lookup: Any) -> None:
    """The row's scope, region, main country and countries (row.values "scope", "region",
    "country_id", "countries"), checked by the matrix's rules; errors on the row."""
    places: PlaceLookup = lookup.places
    column = next((name for name in ("country_code", "country") if text_of(cells.get(name))), "")
    countries: list[int] = []
    regions: list[str] = []
    is_global = False
    errors_before = len(row.errors)
    if column:
        for name in places.where.split(cells[column]):
            found = find_place(row, column, name, places.where, lookup)
            if isinstance(found, int):
                countries.append(found)
            elif found == GLOBAL:
                is_global = True
            elif found:
                regions.append(found.removeprefix(REGION))
    scope = None
    if text_of(cells.get("scope")):
        scope = find_named(row, "scope", cells["scope"], places.scopes, scope_message)
    region = regions[0] if regions else ""
    if len(dict.fromkeys(regions)) > 1:
        row.error(column, cells[column], _("Name one region only."))
    stated_scope = scope
    if scope is None:
        if is_global:
            scope = Scope.GLOBAL
        elif regions:
            scope = Scope.REGIONAL
        elif countries:
            scope = Scope.COUNTRY if len(dict.fromkeys(countries)) == 1 else Scope.MULTI_COUNTRY
        elif text_of(cells.get("region")):
            scope = Scope.REGIONAL  # a region and no country: the region's own activity
    if scope == Scope.REGIONAL and not region and text_of(cells.get("region")):
        region = find_named(row, "region", cells["region"], places.regions, region_message) or ""
    if len(row.errors) > errors_before:
        return
    if scope is None:
        name = "country_code" if "country_code" in cells else "country"
        row.error(name, "", _("A country is required (or a region, or “Global”)."))
        return
    if (is_global and (countries or regions)) or (stated_scope == Scope.GLOBAL and regions):
        row.error(column, cells[column], _("A global activity names no country nor region."))
        return
    main = main_country(row, cells, scope, countries, lookup)
    if main is False:
        return
    if scope == Scope.COUNTRY and main is not None and set(countries) == {main}:
        # Most rows of most files: one country, nothing the rules could refuse.
        row.values.update(scope=scope, region="", country_id=main, countries=places.alone(main))
        return
    check = check_places(
        scope=scope,
        region=region if scope == Scope.REGIONAL else "",
        main=places.stub(main) if main else None,
        countries=[places.stub(pk) for pk in dict.fromkeys(countries)],
    )
    country_column = column or ("country_code" if "country_code" in cells else "country")
    for field, message in check.errors.items():
        name = {"scope": "scope", "region": "region", "country": "main_country"}.get(field, "")
        name = name if name in cells else country_column
        row.error(name, cells.get(name, ""), message)
    if check.errors:
        return
    row.values["scope"] = scope
    row.values["region"] = region if scope == Scope.REGIONAL else ""
    row.values["country_id"] = main
    row.values["countries"] = frozenset(c.pk for c in check.countries)


def main_country(
    row: Any, cells: dict[str, Any], scope: str, countries: list[int], lookup: Any
) -> int | bool | None:
    """The main country: the main-country cell, else the one of a one-country row; False
    after an error."""
    if text_of(cells.get("main_country")):
        found = find_place(row, "main_country", cells["main_country"], lookup.places.where, lookup)
        if not isinstance(found, int):
            if found is not None:
                row.error("main_country", cells["main_country"], _("Name one country."))
            return False
        if found not in countries:
            row.error(
                "main_country",
                cells["main_country"],
                _("The main country must be one of the countries the activity covers."),
            )
            return False
        return found
    if scope == Scope.COUNTRY and countries:
        return countries[0]
    return None


@dataclass(frozen=True)
class CountryStub:
    """What check_places reads of a country (its id, region and name), without a query."""

    pk: int
    region: str
    name: str

    def __str__(self) -> str:
        return self.name


def find_place(row: Any, column: str, name: str, index: NameIndex, lookup: Any) -> Any:

    try:
        return find(index, name, "country")
    except CellError as error:
        row.error(column, name, str(error))
        if error.kind:
            row.unknown.extend((error.kind, written) for written in error.unknown)
        return None


def find_named(row: Any, column: str, value: Any, index: NameIndex, choices: Any) -> Any:
    """The choice `value` names; an error listing `choices()` (worked out only then)."""
    text = text_of(value)
    try:
        return index.find(text)
    except (NameNotFound, AmbiguousName):
        row.error(
            column,
            value,
            _("“%(value)s” is not one of: %(choices)s.")
            % {
                "value": text,
                "choices": choices(),
            },
        )
        return None


def scope_message() -> str:
    return ", ".join(str(label) for label in Scope.labels)


def region_message() -> str:
    return ", ".join(str(label) for label in Region.labels)


def read_subdivisions(row: Any, cells: dict[str, Any], lookup: Any) -> None:
    """The places inside the row's countries (codes, else names): row.values
    "subdivisions". A place of a country the row does not cover is an error naming it."""
    column = next((name for name in SUBDIVISION_COLUMNS if text_of(cells.get(name))), "")
    if not column:
        if any(name in cells for name in SUBDIVISION_COLUMNS):
            row.values["subdivisions"] = NONE
        return
    places: PlaceLookup = lookup.places
    covered = row.values.get("countries")
    if covered is None:
        return  # the row's countries could not be read: their errors say why
    inside = places.subdivisions_in(covered)
    found: list[int] = []
    for name in inside.split(cells[column]):
        try:
            found.append(inside.find(name))
            continue
        except AmbiguousName as error:
            row.error(
                column,
                name,
                _("“%(value)s” could be several places (%(names)s): use the ISO code.")
                % {"value": name, "names": ", ".join(error.candidates)},
            )
            continue
        except NameNotFound as error:
            suggestion = error.suggestion
        try:
            elsewhere = places.all_subdivisions.get(name)
        except AmbiguousName:
            elsewhere = None
        if elsewhere is not None:
            country = lookup.alpha3.get(places.subdivision_country[elsewhere], "")
            row.error(
                column,
                name,
                _(
                    "“%(value)s” is a place in %(country)s, which the activity does not cover: "
                    "add the country, or remove the place."
                )
                % {"value": name, "country": country},
            )
            continue
        message = _("Unknown place “%(value)s” in the activity's countries.") % {"value": name}
        if suggestion:
            message += " " + _("Did you mean “%(name)s”?") % {"name": suggestion}
        row.error(column, name, message)
    if not row.errors:
        row.values["subdivisions"] = frozenset(found)


def read_themes(row: Any, cells: dict[str, Any], lookup: Any) -> None:
    """The themes a list cell names (by name in any language, or code): row.values "themes"."""

    value = cells["themes"]
    if not text_of(value):
        row.values["themes"] = NONE
        return
    try:
        row.values["themes"] = frozenset(find_list(lookup.places.themes, value, "theme"))
    except CellError as error:
        known = ", ".join(sorted(lookup.places.theme_names.values()))
        row.error(
            "themes", value, f"{error} " + _("The themes are: %(themes)s.") % {"themes": known}
        )


def set_names(lookup: Any, name: str, ids: Iterable[int]) -> str:
    """A set of countries, places or themes as the preview shows it."""
    places: PlaceLookup = lookup.places
    if name == "countries":
        return "; ".join(sorted(lookup.alpha3.get(pk, "") for pk in ids))
    if name == "subdivisions":
        return "; ".join(sorted(places.subdivision_codes.get(pk, "") for pk in ids))
    return "; ".join(sorted(places.theme_names.get(pk, "") for pk in ids))


def group_by_activity(rows: Iterable[tuple[int, int]]) -> dict[int, frozenset[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for activity_id, linked in rows:
        found[activity_id].add(linked)
    return {pk: frozenset(ids) for pk, ids in found.items()}


def check_places_kept(row: Any, found: Any, lookup: Any) -> None:
    """A row changing an activity's countries but not its places (no column of them): the
    places it keeps must still be in a country it covers."""
    if "countries" not in row.values or "subdivisions" in row.values:
        return
    kept = found.places["subdivisions"]
    if not kept:
        return
    country_of = lookup.places.subdivision_country
    stray = sorted(pk for pk in kept if country_of.get(pk) not in row.values["countries"])
    if stray:
        row.error(
            "country_code",
            "",
            _(
                "%(places)s: the activity's places in a country this row no longer covers. "
                "Add a column of places (or keep the country)."
            )
            % {"places": set_names(lookup, "subdivisions", stray)},
        )
