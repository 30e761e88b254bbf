"""Each catalogue's filters, in the URL so that a list can be shared and downloaded."""

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from activities.filters import CountryCodesFilter, country_choices
from activities.models import Tool, ToolPurpose
from agencies.models import Agency
from catalogues.models import (
    Access,
    Audience,
    DataSet,
    GlobalProcess,
    MaterialFormat,
    OutreachMaterial,
    UpdateFrequency,
)
from core.languages import LANGUAGE_CHOICES
from core.translations import search_fields as in_every_language
from countries.models import Country


class CatalogueFilterSet(django_filters.FilterSet):
    """Search, owner (an agency acronym) and language, shared by the catalogues."""

    q = django_filters.CharFilter(label=_("Search"), method="filter_search")
    owner = django_filters.ChoiceFilter(label=_("Owner"), field_name="owner__acronym")
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=LANGUAGE_CHOICES,
        field_name="languages",
        lookup_expr="contains",
    )
    search_fields: tuple[str, ...] = in_every_language("name")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "owner" in self.filters:
            acronyms = Agency.objects.order_by("acronym").values_list("acronym", flat=True)
            self.filters["owner"].extra["choices"] = [(a, a) for a in acronyms]
        for item in self.filters.values():
            if isinstance(item, django_filters.ChoiceFilter):
                item.extra["empty_label"] = _("all")

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split()[:6]:
            match = Q()
            for field in self.search_fields:
                match |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(match)
        return queryset


class ToolFilterSet(CatalogueFilterSet):
    purpose = django_filters.ChoiceFilter(label=_("Purpose"), choices=ToolPurpose.choices)
    search_fields = (*in_every_language("name", "description"), "acronym")

    class Meta:
        model = Tool
        fields: list[str] = []


class DataSetFilterSet(CatalogueFilterSet):
    access = django_filters.ChoiceFilter(label=_("How to connect"), choices=Access.choices)
    update_frequency = django_filters.ChoiceFilter(
        label=_("Updated"), choices=UpdateFrequency.choices
    )
    search_fields = (*in_every_language("name", "definition"), "coverage")

    class Meta:
        model = DataSet
        fields: list[str] = []


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class GlobalProcessFilterSet(CatalogueFilterSet):
    owner = None  # processes have agencies engaged, not an owner
    language = None
    agency = django_filters.ChoiceFilter(
        label=_("Agency engaged"), field_name="agencies__acronym", distinct=True
    )
    year = YearFilter(label=_("Year"), method="filter_year", min_value=1990, max_value=2100)
    search_fields = (*in_every_language("name", "what"), "place", "coalition_input")

    class Meta:
        model = GlobalProcess
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        acronyms = Agency.objects.order_by("acronym").values_list("acronym", flat=True)
        self.filters["agency"].extra["choices"] = [(a, a) for a in acronyms]

    def filter_year(self, queryset: QuerySet, name: str, value: int) -> QuerySet:
        return queryset.filter(starts_on__year=value)


class OutreachFilterSet(CatalogueFilterSet):
    audience = django_filters.ChoiceFilter(label=_("Audience"), choices=Audience.choices)
    # "format" picks a download (CSV, XLSX, ODS) on every list: the filter has another name.
    medium = django_filters.ChoiceFilter(
        label=_("Format"), field_name="format", choices=MaterialFormat.choices
    )
    country = CountryCodesFilter(label=_("Country"), field_name="countries__code", distinct=True)
    search_fields = in_every_language("title")

    class Meta:
        model = OutreachMaterial
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters["country"].extra["choices"] = country_choices(
            Country.objects.values_list("code", "region")
        )
