"""The funding page's filters, in the URL so that a view can be shared and downloaded."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _

from activities.filters import CountryCodesFilter, country_choices
from agencies.models import Agency
from countries.models import Country
from funding.currencies import CURRENCY_CHOICES
from funding.models import Channel, Contribution, ContributionStatus


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class ContributionFilterSet(django_filters.FilterSet):
    partner = django_filters.ChoiceFilter(label=_("Partner"), method="filter_partner")
    channel = django_filters.ChoiceFilter(label=_("Channel"), choices=Channel.choices)
    status = django_filters.ChoiceFilter(
        label=_("Pledged or paid"), choices=ContributionStatus.choices
    )
    currency = django_filters.ChoiceFilter(label=_("Currency"), choices=CURRENCY_CHOICES)
    year = YearFilter(label=_("Year"), field_name="start_year", min_value=1990, max_value=2100)
    country = CountryCodesFilter(label=_("Country"), method="filter_country", distinct=False)

    class Meta:
        model = Contribution
        fields: list[str] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        partners = list(
            Agency.objects.filter(contributions__isnull=False)
            .distinct()
            .order_by("acronym")
            .values_list("acronym", flat=True)
        )
        self.filters["partner"].extra["choices"] = [(acronym, acronym) for acronym in partners]
        self.filters["country"].extra["choices"] = country_choices(
            Country.objects.values_list("code", "region")
        )
        for name in ("partner", "channel", "status", "currency"):
            self.filters[name].extra["empty_label"] = _("all")

    def filter_partner(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(partner__acronym=value)

    def filter_country(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        # EXISTS, not a join: a contribution to two chosen countries is one contribution.
        earmarked = Contribution.countries.through.objects.filter(
            contribution=OuterRef("pk"), country__code__in=value
        )
        return queryset.filter(Exists(earmarked))


def filtered_contributions(params) -> tuple[ContributionFilterSet, QuerySet[Contribution]]:
    """The filter set (form and errors) and the matching contributions; none if a filter is
    wrong (the page says which), never all of them."""
    queryset = Contribution.objects.select_related("partner").prefetch_related("countries")
    filterset = ContributionFilterSet(params, queryset=queryset)
    if not filterset.is_valid():
        return filterset, queryset.none()
    return filterset, filterset.qs
