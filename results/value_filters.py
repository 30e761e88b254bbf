"""Filters of the results' open data (downloads, HXL, API): by country, agency, indicator
and period, in the URL. A value that names nothing in the hub (an unknown code, acronym or
period) is an error naming the parameter, never an empty answer that would read as "no
results there".
"""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from activities.filters import AcronymsFilter, CountryCodesFilter, country_choices
from activities.models import ActivityAgency
from agencies.models import Agency
from countries.models import Country
from results.models import (
    CountryMilestone,
    CoverageFigure,
    Indicator,
    ReportingPeriod,
    ResultValue,
    Unit,
)


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


def indicator_choices() -> list[tuple[str, str]]:
    return [(code, code) for code in Indicator.objects.values_list("code", flat=True)]


def period_choices() -> list[tuple[str, str]]:
    return [(label, label) for label in ReportingPeriod.objects.values_list("label", flat=True)]


class OpenDataFilterSet(django_filters.FilterSet):
    """What every results filter set offers: countries and agencies, with the hub's values."""

    country = CountryCodesFilter(
        label=_("Country"),
        method="filter_country",
        help_text="ISO alpha-2 or alpha-3 codes, comma-separated.",
    )
    agency = AcronymsFilter(
        label=_("Agency"), method="filter_agency", help_text="Agency acronyms, comma-separated."
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["country"].extra["choices"] = country_choices(
            Country.objects.values_list("code", "region")
        )
        acronyms = Agency.objects.order_by("acronym").values_list("acronym", flat=True)
        self.filters["agency"].extra["choices"] = [(acronym, acronym) for acronym in acronyms]

    def filter_country(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return queryset.filter(country__code__in=value) if value else queryset

    def filter_agency(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(agencies__acronym__in=value).distinct()


class ValueFilterSet(OpenDataFilterSet):
    """An activity's values: the country is the value's own, or its activity's when the
    value is for the whole activity; the agency is any agency of the activity."""

    indicator = django_filters.MultipleChoiceFilter(
        label=_("Indicator"),
        field_name="activity_indicator__indicator__code",
        help_text="Indicator codes (SDG-1.3.1, LAW...).",
    )
    period = django_filters.MultipleChoiceFilter(
        label=_("Period"), field_name="period__label", help_text="Reporting period labels."
    )

    class Meta:
        model = ResultValue
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["indicator"].extra["choices"] = indicator_choices()
        self.filters["period"].extra["choices"] = period_choices()

    def filter_country(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(
            Q(country__code__in=value)
            | Q(country__isnull=True, activity_indicator__activity__country__code__in=value)
        )

    def filter_agency(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        # EXISTS, not a join: a value of an activity of two chosen agencies is one value.
        taking_part = ActivityAgency.objects.filter(
            activity_id=OuterRef("activity_indicator__activity_id"), agency__acronym__in=value
        )
        return queryset.filter(Exists(taking_part))


class IndicatorFilterSet(django_filters.FilterSet):
    unit = django_filters.ChoiceFilter(choices=Unit.choices)

    class Meta:
        model = Indicator
        fields: list[str] = []


class MilestoneFilterSet(OpenDataFilterSet):
    class Meta:
        model = CountryMilestone
        fields: list[str] = []


class CoverageFilterSet(OpenDataFilterSet):
    indicator = django_filters.MultipleChoiceFilter(
        label=_("Indicator"), field_name="indicator__code", help_text="Indicator codes."
    )
    year = YearFilter(field_name="year", min_value=1990, max_value=2100)

    class Meta:
        model = CoverageFigure
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["indicator"].extra["choices"] = indicator_choices()
