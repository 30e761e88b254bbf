"""The secretariat's admin for results: the library of indicators (three languages),
reporting periods (locking, unlocking with a reason), values with their parts, a country's
milestones and coverage figures. Every change is in the history (SimpleHistoryAdmin)."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from activities.choices import Guarantee
from results import services
from results.checks import check_value
from results.disaggregations import Dimension
from results.models import (
    ActivityIndicator,
    CountryMilestone,
    CoverageFigure,
    Indicator,
    ReportingPeriod,
    ResultValue,
    Target,
    ValuePart,
)


class IndicatorForm(forms.ModelForm):
    dimensions = forms.MultipleChoiceField(
        label=_("Disaggregations"),
        choices=Dimension.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    guarantees = forms.MultipleChoiceField(
        label=_("R202 guarantees"),
        choices=Guarantee.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "name_fr",
            "name_es",
            "definition",
            "definition_fr",
            "definition_es",
            "unit",
            "currency",
            "aggregation",
            "dimensions",
            "sdg_component",
            "guarantees",
            "is_active",
            "position",
        ]

    def clean_currency(self) -> str:
        return (self.cleaned_data.get("currency") or "").strip().upper()

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("unit") == "amount" and not cleaned.get("currency"):
            self.add_error("currency", _("An amount needs its currency (ISO 4217, e.g. USD)."))
        return cleaned


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    form = IndicatorForm
    list_display = ["code", "name", "unit", "aggregation", "sdg_component", "is_active", "position"]
    list_editable = ["is_active", "position"]
    list_filter = ["unit", "aggregation", "is_active"]
    search_fields = ["code", "name", "name_fr", "name_es"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    list_display = ["label", "start", "end", "locked_at"]
    readonly_fields = ["locked_at", "locked_by"]
    actions = ["lock"]

    @admin.action(description=_("Lock the selected periods' values"))
    def lock(self, request: HttpRequest, queryset) -> None:
        for period in queryset.filter(locked_at__isnull=True):
            services.lock_period(request.user, period)
        messages.success(request, _("Locked."))

    def save_model(self, request, obj, form, change) -> None:
        # Unlocking is said with a reason: the field is the reason, kept in the history.
        if change and "unlock_reason" in form.changed_data and obj.unlock_reason.strip():
            services.unlock_period(request.user, obj, obj.unlock_reason)
            return
        super().save_model(request, obj, form, change)


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    autocomplete_fields = ["country"]


@admin.register(ActivityIndicator)
class ActivityIndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["activity", "indicator", "baseline_value", "baseline_date"]
    list_filter = ["indicator"]
    raw_id_fields = ["activity"]
    search_fields = ["activity__reference", "activity__title", "indicator__code"]
    inlines = [TargetInline]


class ValuePartInline(admin.TabularInline):
    model = ValuePart
    extra = 0


class ResultValueForm(forms.ModelForm):
    """The admin asks the same checks as the members' form (results.checks)."""

    class Meta:
        model = ResultValue
        fields = [
            "activity_indicator",
            "period",
            "country",
            "value",
            "achieved_on",
            "status",
            "return_reason",
            "evidence_url",
            "evidence_note",
            "comment",
            "unlocked_at",
            "unlock_reason",
        ]

    evidence_url = forms.URLField(
        label=_("evidence (link)"), required=False, max_length=500, assume_scheme="https"
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        link = cleaned.get("activity_indicator")
        if link is None or cleaned.get("value") is None:
            return cleaned
        country = cleaned.get("country")
        found = check_value(
            link.indicator,
            link.activity,
            cleaned.get("period"),
            cleaned["value"],
            country_id=country.pk if country else None,
            achieved_on=cleaned.get("achieved_on"),
            existing=self.instance if self.instance.pk else None,
        )
        for name, message in found.errors.items():
            self.add_error(name if name in self.fields else None, message)
        return cleaned


@admin.register(ResultValue)
class ResultValueAdmin(SimpleHistoryAdmin):
    form = ResultValueForm
    list_display = ["activity_indicator", "period", "country", "value", "status", "submitted_at"]
    list_filter = ["status", "period", "activity_indicator__indicator"]
    raw_id_fields = ["activity_indicator"]
    autocomplete_fields = ["country"]
    search_fields = [
        "activity_indicator__activity__reference",
        "activity_indicator__activity__title",
        "activity_indicator__indicator__code",
    ]
    readonly_fields = ["submitted_by", "submitted_at", "reviewed_by", "reviewed_at", "version"]
    inlines = [ValuePartInline]
    list_select_related = ["activity_indicator__indicator", "period", "country"]


class ContributionAdmin(SimpleHistoryAdmin):
    list_filter = ["status"]
    autocomplete_fields = ["country", "agencies"]
    raw_id_fields = ["activities"]
    readonly_fields = ["created_by", "submitted_at", "reviewed_by", "reviewed_at", "version"]


@admin.register(CountryMilestone)
class CountryMilestoneAdmin(ContributionAdmin):
    list_display = ["title", "country", "achieved_on", "status"]
    search_fields = ["title", "country__name"]


@admin.register(CoverageFigure)
class CoverageFigureAdmin(ContributionAdmin):
    list_display = ["country", "indicator", "year", "value", "status"]
    list_filter = ["status", "indicator"]
    search_fields = ["country__name", "indicator__code"]
