"""The matrix filters: every one lives in the URL so that a view can be bookmarked and shared.

Country and agency choices are read once per request (one query each) and reused both to
validate the input and to draw the form, so a filtered page costs no more queries than an
unfiltered one.
"""

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import translation
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django_countries import countries as iso_countries
from django_filters import fields as filter_fields
from django_filters.constants import EMPTY_VALUES

from activities.models import (
    Activity,
    ActivityAgency,
    ActivityQuerySet,
    ActivityStatus,
    ActivitySubdivision,
    ActivityTheme,
    ActivityType,
    Guarantee,
    Role,
    Scope,
    Theme,
)
from agencies.models import Agency
from agencies.variants import AGENCY_VARIANTS
from core.jinja import render_partial
from core.names import name_key, name_matches, search_keys, split_variants
from core.search import contains_folded
from core.translations import translated
from countries.models import Country, Region, Subdivision, english_name, iso_alpha2
from countries.variants import NAME_VARIANTS

# Free-text search: more words than this are ignored (each word adds a clause to the query).
MAX_SEARCH_WORDS = 6
YEAR_RANGE = (1990, 2100)

# How the agency filter reads the agencies' roles: value -> (label, roles; none: any role).
AGENCY_ROLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "any": (_("any role"), ()),
    "leads": (_("lead or co-lead"), (Role.LEAD, Role.CO_LEAD)),
    "lead": (_("lead only"), (Role.LEAD,)),
}
# Shown under the two lists of several choices, until static/js/filters.js makes them
# searchable (Tom Select) and hides it; never on phones (hub.css).
SEVERAL_HINT = _("Hold Ctrl (⌘ on a Mac) to choose several.")
SEARCHABLE = {
    "data-searchable": True,
    "data-placeholder": _("Type to search"),
    "data-no-results": _("Nothing matches"),
}


class CountryCodesField(filter_fields.MultipleChoiceField):
    """ISO codes in any case, alpha-2 or alpha-3, repeated or comma-separated (VN,KHM)."""

    def to_python(self, value: object) -> list[str]:
        codes = []
        for item in super().to_python(value):
            for code in item.split(","):
                code = code.strip()
                if code:
                    codes.append(iso_alpha2(code) or code.upper())
        return codes


class AcronymsField(filter_fields.MultipleChoiceField):
    """Agency acronyms whatever their case ("unicef" finds UNICEF), repeated or
    comma-separated (ILO,WHO)."""

    def to_python(self, value: object) -> list[str]:
        known = {str(choice).lower(): str(choice) for choice, _label in self.choices}
        acronyms = []
        for item in super().to_python(value):
            for acronym in item.split(","):
                acronym = acronym.strip()
                if acronym:
                    acronyms.append(known.get(acronym.lower(), acronym))
        return acronyms


class QuickSelectMixin:
    """Draws the <select> with the Jinja2 template templates/jinja2/activities/select.html: Django's
    template-per-option widget takes ~15 ms for the 200 countries and 60 agencies of a full
    coalition, on every matrix request."""

    # value -> the keys of its names (core.names.search_keys), written on each option for
    # the pickers' search (static/js/filters.js); set on the form's own copy of the widget.
    search_keys: dict[str, str] | None = None

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        groups: list[tuple[str, list[tuple[str, str]]]] = []
        for group, options in self.choices:
            if isinstance(options, list | tuple):
                groups.append((str(group), [(str(v), str(label)) for v, label in options]))
            elif groups and not groups[-1][0]:
                groups[-1][1].append((str(group), str(options)))
            else:
                groups.append(("", [(str(group), str(options))]))
        context = {
            "attrs": attrs,
            "groups": groups,
            "chosen": {str(item) for item in self.format_value(value)},
            "keys": self.search_keys or {},
        }
        return render_partial("activities/select.html", context)


class QuickSelect(QuickSelectMixin, forms.Select):
    pass


class QuickSelectMultiple(QuickSelectMixin, forms.SelectMultiple):
    pass


class CountryPicker(QuickSelectMultiple):
    """Countries are found by any of their names in the picker ("vietnam", "turkey")."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        self.search_keys = country_search_keys()
        return super().render(name, value, attrs, renderer)


class AgencyPicker(QuickSelectMultiple):
    """Agencies are found by their acronyms in other languages too ("OIT", "FMI"); a filter
    set adds each agency's name and variants (ActivityFilterSet.form)."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        own = self.search_keys or {}
        self.search_keys = {
            acronym: f"{own.get(acronym, '')} {AGENCY_SEARCH_KEYS.get(acronym, '')}".strip()
            for acronym in {*own, *AGENCY_SEARCH_KEYS}
        }
        return super().render(name, value, attrs, renderer)


class CountryCodesFilter(django_filters.MultipleChoiceFilter):
    field_class = CountryCodesField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", CountryPicker(attrs=SEARCHABLE))
        super().__init__(*args, **kwargs)


class AcronymsFilter(django_filters.MultipleChoiceFilter):
    field_class = AcronymsField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", AgencyPicker(attrs=SEARCHABLE))
        super().__init__(*args, **kwargs)


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


@functools.cache
def _country_names(language: str) -> dict[str, str]:
    with translation.override(language):
        return {code: str(name) for code, name in iso_countries}


def country_names() -> dict[str, str]:
    """ISO code -> country name in the active language (translated once per language and
    process: there are 249 of them and the matrix, the grid and search need them all)."""
    return _country_names(translation.get_language() or settings.LANGUAGE_CODE)


@functools.cache
def _country_keys(language: str) -> dict[str, str]:
    return {code: name_key(name) for code, name in _country_names(language).items()}


def country_keys() -> dict[str, str]:
    """ISO code -> the country's name in the active language, folded (core.names.name_key):
    what lists of countries are sorted by ("Égypte" before "Espagne") and search matches."""
    return _country_keys(translation.get_language() or settings.LANGUAGE_CODE)


@functools.cache
def _country_search_keys(language: str) -> dict[str, str]:
    return {
        code: search_keys((name, english_name(code), *NAME_VARIANTS.get(code, ())))
        for code, name in _country_names(language).items()
    }


def country_search_keys() -> dict[str, str]:
    """ISO code -> the keys of its names (in the active language, in English, its usual
    variants: "vietnam", "turkey"), for core.names.name_matches."""
    return _country_search_keys(translation.get_language() or settings.LANGUAGE_CODE)


# Acronym -> the keys of its usual other spellings ("OIT", "FMI", "PNUD").
AGENCY_SEARCH_KEYS = {acronym: search_keys(names) for acronym, names in AGENCY_VARIANTS.items()}


def country_choices(
    countries: Iterable[tuple[str, str]],
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(code, region) pairs grouped by ILO region, with names in the visitor's language,
    in their alphabetical order (accents folded: "Égypte" before "Espagne")."""
    names, keys = country_names(), country_keys()
    groups: dict[str, list[tuple[str, str]]] = {value: [] for value in Region.values}
    for code, region in countries:
        groups.setdefault(region, []).append((code, names.get(code, code)))
    labels = dict(Region.choices)
    return [
        (labels.get(region, region), sorted(items, key=lambda item: (keys.get(item[0]), item[0])))
        for region, items in groups.items()
        if items
    ]


class ReadChoices(BaseChoiceIterator):
    """(value, label) pairs, or groups of them, read when first iterated and kept: a filter
    set's form iterates a list up to three times (to validate, to draw, to name the filter
    in use), and each read of the places is a query.

    Django's forms take a choice iterator as it is, where they check every pair of a plain
    list on each iteration (normalize_choices): ~2 µs a pair, 5 ms per request for the
    2,600 places that 100,000 activities name. The pairs are given in their final form.
    """

    def __init__(self, read: Callable[[], Sequence[tuple[str, object]]]) -> None:
        self.read = read
        self.pairs: Sequence[tuple[str, object]] | None = None

    def __iter__(self) -> Iterator[tuple[str, object]]:
        if self.pairs is None:
            self.pairs = self.read()
        return iter(self.pairs)

    def __len__(self) -> int:
        return sum(1 for _pair in self)

    def __deepcopy__(self, memo: dict) -> "ReadChoices":
        # The form copies its fields; the pairs are read once and never changed.
        return self


def place_choices() -> list[tuple[str, str]]:
    """The places (ISO 3166-2 codes) where some activity happens, named with their country."""
    places = (
        Subdivision.objects.filter(
            Exists(ActivitySubdivision.objects.filter(subdivision=OuterRef("pk")))
        )
        .order_by("country__name", "name")
        .values_list("code", "name", "country__code")
    )
    names = country_names()
    return [(code, f"{name} ({names.get(country, country)})") for code, name, country in places]


def theme_choices() -> list[tuple[str, str]]:
    return [(theme.code, translated(theme, "name")) for theme in Theme.objects.all()]


class ActivityFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    country = CountryCodesFilter(
        label=_("Country"),
        method="filter_country",
        distinct=False,
        help_text=SEVERAL_HINT,
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), choices=Region.choices, method="filter_region"
    )
    scope = django_filters.ChoiceFilter(label=_("Scope"), choices=Scope.choices)
    # ISO 3166-2 codes ("SN-DK"): the places where some activity happens are offered.
    subdivision = django_filters.ChoiceFilter(
        label=_("Place in a country"), method="filter_subdivision"
    )
    theme = django_filters.ChoiceFilter(label=_("Theme"), method="filter_theme")
    agency = AcronymsFilter(
        label=_("Agency"), method="filter_agency", distinct=False, help_text=SEVERAL_HINT
    )
    agency_role = django_filters.ChoiceFilter(
        label=_("Agency's role"),
        choices=[(value, label) for value, (label, _roles) in AGENCY_ROLES.items()],
        empty_label=None,
        method="filter_nothing",
    )
    guarantee = django_filters.ChoiceFilter(
        label=_("R202 guarantee"), choices=Guarantee.choices, method="filter_guarantee"
    )
    type = django_filters.ChoiceFilter(
        label=_("Type"), field_name="activity_type", choices=ActivityType.choices
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ActivityStatus.choices)
    year = YearFilter(
        label=_("Running in year"),
        method="filter_year",
        min_value=YEAR_RANGE[0],
        max_value=YEAR_RANGE[1],
    )
    # What the dashboard's "started / ending per year" bars link to.
    started = YearFilter(
        label=_("Started in year"),
        field_name="start_date",
        lookup_expr="year",
        min_value=YEAR_RANGE[0],
        max_value=YEAR_RANGE[1],
    )
    ending = YearFilter(
        label=_("Ending in year"),
        field_name="end_date",
        lookup_expr="year",
        min_value=YEAR_RANGE[0],
        max_value=YEAR_RANGE[1],
    )

    class Meta:
        model = Activity
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        countries = list(Country.objects.values_list("pk", "code", "region"))
        # Each country's code by id, for the pages sorted by country (CountryOrderPaginator).
        self.country_codes = {pk: code for pk, code, _region in countries}
        choices = country_choices((code, region) for _pk, code, region in countries)
        self.filters["country"].extra["choices"] = ReadChoices(lambda: choices)
        rows = list(
            Agency.objects.values_list("id", "acronym", "name", "name_variants").order_by("acronym")
        )
        agencies = [(pk, acronym) for pk, acronym, _name, _variants in rows]
        self.agency_ids = {acronym: pk for pk, acronym in agencies}
        self.agency_acronyms = dict(agencies)  # id -> acronym (the grid names its columns)
        self.agency_keys = {
            acronym: search_keys((acronym, name, *split_variants(variants)))
            for _pk, acronym, name, variants in rows
        }
        self.filters["agency"].extra["choices"] = ReadChoices(
            lambda: [(acronym, acronym) for _pk, acronym in agencies]
        )
        # The country filter finds the shared rows too: it needs each country's region.
        self.country_regions = {code: (pk, region) for pk, code, region in countries}
        # Read only when drawn or used, once: the map's data asks neither. A filter set
        # deriving from this one may read them otherwise (the API: lists of codes).
        lists = {"subdivision": place_choices, "theme": theme_choices}
        for name, read in lists.items():
            if isinstance(self.filters[name], django_filters.ChoiceFilter):
                self.filters[name].extra["choices"] = ReadChoices(read)
        # Placeholders for selects: "all" reads better than dashes.
        selects = [
            name
            for name in ("region", "scope", "subdivision", "theme", "guarantee", "type", "status")
            if isinstance(self.filters[name], django_filters.ChoiceFilter)
        ]
        for name in selects:
            self.filters[name].extra["empty_label"] = _("all")
        for name in (*selects, "agency_role"):
            self.filters[name].extra["widget"] = QuickSelect

    @property
    def form(self) -> forms.Form:
        form = super().form
        # The form's own copy of the widget (never the class's): per request.
        form.fields["agency"].widget.search_keys = self.agency_keys
        return form

    def filter_nothing(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # agency_role only qualifies the agency filter (see filter_agency).
        return queryset

    def filter_country(self, queryset: ActivityQuerySet, name: str, value: list[str]) -> QuerySet:
        """The countries' own rows and the shared ones that include them (several countries,
        their region's, the global ones): the rows say which (activities.matrix_table)."""
        if not value:
            return queryset
        known = [self.country_regions[code] for code in value if code in self.country_regions]
        return queryset.covering_any([pk for pk, _region in known], {r for _pk, r in known})

    def filter_region(self, queryset: ActivityQuerySet, name: str, value: str) -> QuerySet:
        return queryset.in_region(value) if value else queryset

    def filter_subdivision(self, queryset: ActivityQuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        links = ActivitySubdivision.objects.filter(activity=OuterRef("pk"), subdivision__code=value)
        return queryset.filter(Exists(links))

    def filter_theme(self, queryset: ActivityQuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        links = ActivityTheme.objects.filter(activity=OuterRef("pk"), theme__code=value)
        return queryset.filter(Exists(links))

    def selects_everything(self) -> bool:
        """Whether the rows are every activity: valid, and no filter given a value (the
        agency's role only qualifies the agency filter). The whole matrix's counts can then
        be read from the tallies (activities.matrix.paginate)."""
        if not self.is_valid():
            return False
        return all(
            value in EMPTY_VALUES
            for name, value in self.form.cleaned_data.items()
            if name != "agency_role"
        )

    def focus(self) -> str | None:
        """The one country the rows are filtered on, if one (its shared rows say so)."""
        if not self.is_bound or not self.form.is_valid():
            return None
        codes = self.form.cleaned_data.get("country") or []
        return codes[0] if len(set(codes)) == 1 else None

    def filter_agency(self, queryset: ActivityQuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        _label, roles = AGENCY_ROLES[self.form.cleaned_data.get("agency_role") or "any"]
        return queryset.with_agencies([self.agency_ids[acronym] for acronym in value], roles)

    def filter_guarantee(self, queryset: ActivityQuerySet, name: str, value: str) -> QuerySet:
        return queryset.with_guarantee(value)

    def filter_year(self, queryset: ActivityQuerySet, name: str, value: int) -> QuerySet:
        return queryset.in_year(value)

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Every word must appear somewhere, accents and case aside: title, description,
        reference, country (in English, in the visitor's language or a known variant), an
        agency or the focal point."""
        for word in value.split()[:MAX_SEARCH_WORDS]:
            queryset = queryset.filter(search_clause(word))
        return queryset


def search_clause(word: str) -> Q:
    # Agencies through EXISTS: a join would repeat an activity once per matching agency.
    agency_match = ActivityAgency.objects.filter(activity=OuterRef("pk")).filter(
        Q(agency__acronym__icontains=word)
        | Q(contains_folded("agency__name", word))
        | Q(contains_folded("agency__name_variants", word))
    )
    # Country names in the visitor's language and the usual variants are not in the
    # database, nor the agencies' acronyms in other languages: match them here.
    local_codes = [code for code, keys in country_search_keys().items() if name_matches(word, keys)]
    acronyms = [acronym for acronym, keys in AGENCY_SEARCH_KEYS.items() if name_matches(word, keys)]
    if acronyms:
        agency_match = agency_match | ActivityAgency.objects.filter(
            activity=OuterRef("pk"), agency__acronym__in=acronyms
        )
    # The places inside the countries (their ISO name and other spellings) and the themes
    # (in the three languages).
    place_match = ActivitySubdivision.objects.filter(activity=OuterRef("pk")).filter(
        Q(contains_folded("subdivision__name", word))
        | Q(contains_folded("subdivision__name_variants", word))
    )
    theme_match = ActivityTheme.objects.filter(activity=OuterRef("pk")).filter(
        Q(contains_folded("theme__name", word))
        | Q(contains_folded("theme__name_fr", word))
        | Q(contains_folded("theme__name_es", word))
    )
    return (
        Q(contains_folded("title", word))
        | Q(contains_folded("description", word))
        | Q(reference__icontains=word)
        | Q(contains_folded("country__name", word))
        | Q(contains_folded("country__name_variants", word))
        | Q(country__code__in=local_codes)
        | Q(contains_folded("focal_point__name", word))
        | Exists(agency_match)
        | Exists(place_match)
        | Exists(theme_match)
    )
