from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agencies.models import Agency
from rounds.models import RoundAgency, RowConfirmation, UpdateRound
from rounds.services import ask_agencies, default_agencies


class UpdateRoundForm(forms.ModelForm):
    """Adds "agencies to ask": on a new round, the coalition members are ticked."""

    ask = forms.ModelMultipleChoiceField(
        label=_("Ask these agencies"),
        queryset=Agency.objects.order_by("acronym"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Agencies already asked stay asked; remove a part below to un-ask one."),
    )

    class Meta:
        model = UpdateRound
        fields = ["title", "deadline", "message", "closed_at"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and not self.is_bound:
            self.initial["ask"] = list(default_agencies())


class RoundAgencyInline(admin.TabularInline):
    model = RoundAgency
    extra = 0
    fields = ["agency", "last_activity_at", "submitted_at", "submitted_by"]
    readonly_fields = ["last_activity_at", "submitted_at", "submitted_by"]
    autocomplete_fields = ["agency"]


@admin.register(UpdateRound)
class UpdateRoundAdmin(SimpleHistoryAdmin):
    form = UpdateRoundForm
    inlines = [RoundAgencyInline]
    list_display = ["title", "deadline", "opened_at", "closed_at"]
    list_filter = ["closed_at"]
    search_fields = ["title"]
    date_hierarchy = "deadline"

    def save_model(self, request: HttpRequest, obj: UpdateRound, form, change: bool) -> None:
        if not change:
            obj.opened_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        ask_agencies(form.instance, form.cleaned_data.get("ask") or [])


@admin.register(RowConfirmation)
class RowConfirmationAdmin(admin.ModelAdmin):
    list_display = ["round", "agency", "activity", "outcome", "confirmed_by", "confirmed_at"]
    list_filter = ["round", "outcome"]
    list_select_related = ["round", "agency", "activity", "confirmed_by"]
    raw_id_fields = ["activity"]
    search_fields = ["activity__reference", "activity__title", "agency__acronym"]
