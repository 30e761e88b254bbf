"""The matrix filters: every one lives in the URL so that a view can be bookmarked and shared.

Country and agency choices are read once per request (one query each) and reused both to
validate the input and to draw the form, so a filtered page costs no more queries than an
unfiltered one.
"""

import functools
from collections.abc import Iterable

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.forms.utils import flatatt
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django_countries import countries as iso_countries
from django_filters import fields as filter_fields

from activities.models import (
    Activity,
    ActivityAgency,
    ActivityQuerySet,
    ActivityStatus,
    ActivityType,
    Guarantee,
    Role,
)
from agencies.models import Agency
from countries.models import Country, Region

# Free-text search: more words than this are ignored (each word adds a clause to the query).
MAX_SEARCH_WORDS = 6
YEAR_RANGE = (1990, 2100)

AGENCY_ROLE_CHOICES = [("any", _("any role")), ("lead", _("lead only"))]


class CountryCodesField(filter_fields.MultipleChoiceField):
    """ISO codes in any case, alpha-2 or alpha-3, repeated or comma-separated (VN,KHM)."""

    def to_python(self, value: object) -> list[str]:
        codes = []
        for item in super().to_python(value):
            for code in item.split(","):
                code = code.strip()
                if code:
                    codes.append(iso_countries.alpha2(code) or code.upper())
        return codes


class AcronymField(filter_fields.ChoiceField):
    """An agency acronym, matched whatever its case ("unicef" finds UNICEF)."""

    def to_python(self, value: object) -> str:
        value = super().to_python(value).strip()
        for choice, _label in self.choices:
            if str(choice).lower() == value.lower():
                return str(choice)
        return value


class QuickSelectMixin:
    """Draws the <select> in Python. Django's template-per-option widget takes ~15 ms for
    the 200 countries and 60 agencies of a full coalition, on every matrix request."""

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        chosen = {str(item) for item in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        groups = []
        for group, options in self.choices:
            if isinstance(options, list | tuple):
                inner = SafeString(self._options(options, chosen))
                groups.append(format_html('<optgroup label="{}">{}</optgroup>', group, inner))
            else:
                groups.append(self._options([(group, options)], chosen))
        return format_html(
            "<select{}>{}</select>", flatatt(final_attrs), SafeString("".join(groups))
        )

    @staticmethod
    def _options(options, chosen: set[str]) -> str:
        return "".join(
            f'<option value="{escape(value)}"{" selected" if str(value) in chosen else ""}>'
            f"{escape(label)}</option>"
            for value, label in options
        )


class QuickSelect(QuickSelectMixin, forms.Select):
    pass


class QuickSelectMultiple(QuickSelectMixin, forms.SelectMultiple):
    pass


class CountryCodesFilter(django_filters.MultipleChoiceFilter):
    field_class = CountryCodesField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", QuickSelectMultiple)
        super().__init__(*args, **kwargs)


class AcronymFilter(django_filters.ChoiceFilter):
    field_class = AcronymField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", QuickSelect)
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


def country_choices(
    countries: Iterable[tuple[str, str]],
) -> list[tuple[str, list[tuple[str, str]]]]:
    """(code, region) pairs grouped by ILO region, with names in the visitor's language."""
    names = country_names()
    groups: dict[str, list[tuple[str, str]]] = {value: [] for value in Region.values}
    for code, region in countries:
        groups.setdefault(region, []).append((code, names.get(code, code)))
    labels = dict(Region.choices)
    return [
        (labels.get(region, region), sorted(items, key=lambda item: item[1]))
        for region, items in groups.items()
        if items
    ]


class ActivityFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    country = CountryCodesFilter(
        label=_("Country"),
        method="filter_country",
        distinct=False,
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"), field_name="country__region", choices=Region.choices
    )
    agency = AcronymFilter(label=_("Agency"), method="filter_agency")
    agency_role = django_filters.ChoiceFilter(
        label=_("Agency's role"),
        choices=AGENCY_ROLE_CHOICES,
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
        countries = Country.objects.values_list("code", "region")
        self.filters["country"].extra["choices"] = country_choices(countries)
        agencies = list(Agency.objects.values_list("id", "acronym").order_by("acronym"))
        self.agency_ids = {acronym: pk for pk, acronym in agencies}
        self.filters["agency"].extra["choices"] = [(acronym, acronym) for _pk, acronym in agencies]
        # Placeholders for selects: "all" reads better than dashes.
        for name in ("region", "agency", "guarantee", "type", "status"):
            self.filters[name].extra["empty_label"] = _("all")
        for name in ("region", "agency_role", "guarantee", "type", "status"):
            self.filters[name].extra["widget"] = QuickSelect

    def filter_nothing(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # agency_role only qualifies the agency filter (see filter_agency).
        return queryset

    def filter_country(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(country__code__in=value)

    def filter_agency(self, queryset: ActivityQuerySet, name: str, value: str) -> QuerySet:
        role = Role.LEAD if self.form.cleaned_data.get("agency_role") == "lead" else None
        return queryset.with_agency(self.agency_ids[value], role)

    def filter_guarantee(self, queryset: ActivityQuerySet, name: str, value: str) -> QuerySet:
        return queryset.with_guarantee(value)

    def filter_year(self, queryset: ActivityQuerySet, name: str, value: int) -> QuerySet:
        return queryset.in_year(value)

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Every word must appear somewhere: title, description, reference, country (in
        English, in the visitor's language or a known variant), an agency or the focal point."""
        for word in value.split()[:MAX_SEARCH_WORDS]:
            queryset = queryset.filter(search_clause(word))
        return queryset


def search_clause(word: str) -> Q:
    # Agencies through EXISTS: a join would repeat an activity once per matching agency.
    agency_match = ActivityAgency.objects.filter(activity=OuterRef("pk")).filter(
        Q(agency__acronym__icontains=word) | Q(agency__name__icontains=word)
    )
    # Country names in the visitor's language are not in the database: match them here.
    lowered = word.lower()
    local_codes = [code for code, name in country_names().items() if lowered in name.lower()]
    return (
        Q(title__icontains=word)
        | Q(description__icontains=word)
        | Q(reference__icontains=word)
        | Q(country__name__icontains=word)
        | Q(country__name_variants__icontains=word)
        | Q(country__code__in=local_codes)
        | Q(focal_point__name__icontains=word)
        | Exists(agency_match)
    )
