"""The API's filters: the pages' own filter sets (the matrix's ActivityFilterSet, the
workplan board's BoardFilter), plus small ones for the lists that have no page filters.

A filter that does not validate is a 400 naming the parameter (django-filter's
`raise_exception`), never an empty list that would read as "nothing there".
"""

from typing import Any

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries as iso_countries
from django_filters.rest_framework import DjangoFilterBackend

from activities.filters import ActivityFilterSet
from activities.models import ActivitySubdivision, ActivityTheme, Theme
from agencies.models import Agency, AgencyKind, FocalLevel, FocalPoint
from countries.models import Country, Region, Subdivision
from workplan.filters import BoardFilter
from workplan.models import Step

BIGINT_MAX = 2**63 - 1


class PageFilterBackend(DjangoFilterBackend):
    """DjangoFilterBackend that passes a view's extra arguments to its filter set (the board's
    filter set is given the agencies it offers)."""

    def get_filterset_kwargs(self, request, queryset, view) -> dict[str, Any]:
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        extra = getattr(view, "filterset_extra_kwargs", None)
        return {**kwargs, **(extra() if extra else {})}

    def get_filterset(self, request, queryset, view):
        # Kept on the view: the activities' pagination reuses what the filter set has read
        # (each country's code, api.pagination.ActivityPagination).
        view.filterset = super().get_filterset(request, queryset, view)
        return view.filterset


class IdFilter(django_filters.Filter):
    """A whole-number id (NumberFilter would accept 1.5 and 1e400)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", BIGINT_MAX)
        super().__init__(*args, **kwargs)


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("min_value", 1900)
        kwargs.setdefault("max_value", 2100)
        super().__init__(*args, **kwargs)


class YesNoField(forms.NullBooleanField):
    """true or false (1/0, yes/no); anything else is an error, not "no filter"."""

    # NullBooleanSelect would read "perhaps" as "unknown" before to_python sees it.
    widget = forms.TextInput

    def to_python(self, value: object) -> bool | None:
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in ("true", "1", "yes"):
            return True
        if text in ("false", "0", "no"):
            return False
        raise ValidationError(_("Use true or false."), code="invalid")


class YesNoFilter(django_filters.BooleanFilter):
    field_class = YesNoField


class CodesField(forms.CharField):
    """Codes, repeated or comma-separated; one the hub does not know is an error naming it
    (one query, only when the parameter is given)."""

    def __init__(self, *args, model: Any = None, normal: Any = str, what: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.model, self.normal, self.what = model, normal, what

    def clean(self, value: Any) -> list[str]:
        value = super().clean(value)
        codes = list(dict.fromkeys(self.normal(c.strip()) for c in value.split(",") if c.strip()))
        if not codes:
            return []
        known = set(self.model.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = [code for code in codes if code not in known]
        if unknown:
            # Interpolated by the error's own params: django-filters formats the message
            # again, and a "%" typed in a code would break an already formatted one.
            raise ValidationError(
                _("Unknown %(what)s: %(codes)s."),
                code="invalid_choice",
                params={"what": self.what, "codes": ", ".join(unknown)},
            )
        return codes


class CodesFilter(django_filters.Filter):
    field_class = CodesField


class ApiActivityFilterSet(ActivityFilterSet):
    """The matrix page's filters (a country finds its own rows and the shared ones, a region
    its regional rows and its countries', the scope), with a program's lists: places
    (ISO 3166-2 codes) and themes (codes), several at once, comma-separated."""

    subdivision = CodesFilter(
        method="filter_subdivision",
        model=Subdivision,
        normal=str.upper,
        what=_("place (ISO 3166-2 code)"),
        help_text="ISO 3166-2 codes (SN-DK), comma-separated: activities in any of them.",
    )
    theme = CodesFilter(
        method="filter_theme",
        model=Theme,
        normal=str.lower,
        what=_("theme"),
        help_text="Theme codes (gender, care...), comma-separated: activities with any.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("subdivision", "theme"):  # (the page's choices and widget: not here)
            self.filters[name].extra.pop("choices", None)
            self.filters[name].extra.pop("empty_label", None)
            self.filters[name].extra.pop("widget", None)

    def filter_subdivision(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        links = ActivitySubdivision.objects.filter(
            activity=OuterRef("pk"), subdivision__code__in=value
        )
        return queryset.filter(Exists(links))

    def filter_theme(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        if not value:
            return queryset
        links = ActivityTheme.objects.filter(activity=OuterRef("pk"), theme__code__in=value)
        return queryset.filter(Exists(links))


class CountryFilter(django_filters.FilterSet):
    region = django_filters.ChoiceFilter(choices=Region.choices)

    class Meta:
        model = Country
        fields: list[str] = []


class AgencyFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=AgencyKind.choices)
    member = YesNoFilter(field_name="is_member")

    class Meta:
        model = Agency
        fields: list[str] = []


class FocalPointFilter(django_filters.FilterSet):
    agency = django_filters.CharFilter(
        field_name="agency__acronym", lookup_expr="iexact", help_text="Agency acronym."
    )
    country = django_filters.CharFilter(
        method="filter_country", help_text="ISO alpha-2 or alpha-3 code."
    )
    level = django_filters.ChoiceFilter(choices=FocalLevel.choices)
    region = django_filters.ChoiceFilter(choices=Region.choices)

    class Meta:
        model = FocalPoint
        fields: list[str] = []

    def filter_country(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(country__code=iso_countries.alpha2(value.strip()) or "")


class DeliverableFilter(BoardFilter):
    """The workplan board's filters (responsible agency, status), and the plan's year."""

    year = YearFilter(field_name="area__workplan__year")


class StepFilter(django_filters.FilterSet):
    deliverable = IdFilter(field_name="deliverable_id")
    due_after = django_filters.DateFilter(field_name="due_date", lookup_expr="gte")
    due_before = django_filters.DateFilter(field_name="due_date", lookup_expr="lte")
    open = YesNoFilter(
        field_name="completed_on", lookup_expr="isnull", help_text="true: not completed yet."
    )

    class Meta:
        model = Step
        fields: list[str] = []
