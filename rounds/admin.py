from django import forms
from django.contrib import admin, messages
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agencies.models import Agency
from results.services import lock_period
from rounds.agency_members import agencies_without_members
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
        fields = [
            "title",
            "title_fr",
            "title_es",
            "deadline",
            "period",
            "message",
            "message_fr",
            "message_es",
            "closed_at",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None and not self.is_bound:
            self.initial["ask"] = list(default_agencies())


class RoundAgencyInline(admin.TabularInline):
    model = RoundAgency
    extra = 0
    fields = [
        "agency",
        "last_activity_at",
        "submitted_at",
        "submitted_by",
        "submissions",
        "accepted_at",
        "returned_at",
        "return_reason",
        "unlocked_at",
    ]
    readonly_fields = fields[1:]
    autocomplete_fields = ["agency"]


@admin.register(UpdateRound)
class UpdateRoundAdmin(SimpleHistoryAdmin):
    form = UpdateRoundForm
    inlines = [RoundAgencyInline]
    list_display = ["title", "deadline", "opened_at", "closed_at"]
    list_filter = ["closed_at"]
    search_fields = ["title"]
    date_hierarchy = "deadline"

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ):
        """Warn, as the round's page does, of the agencies asked that nobody can answer for."""
        if request.method == "GET" and str(object_id).isdigit():
            asked = RoundAgency.objects.filter(round_id=int(object_id)).select_related("agency")
            by_id = {part.agency_id: part.agency.acronym for part in asked}
            unreachable = sorted(by_id[pk] for pk in agencies_without_members(by_id))
            if unreachable:
                messages.warning(
                    request,
                    _("Nobody can answer for %(agencies)s: no member, so nobody got the email.")
                    % {"agencies": ", ".join(unreachable)},
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request: HttpRequest, obj: UpdateRound, form, change: bool) -> None:
        if not change:
            obj.opened_by = request.user
        super().save_model(request, obj, form, change)
        # Closed here rather than on the round's page: its period's results lock all the same.
        if obj.closed_at and "closed_at" in form.changed_data and obj.period is not None:
            lock_period(request.user, obj.period)

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
