"""The secretariat's side: meetings with their agenda, decisions and action points in one
page; documents; country statuses; joint country workplans (a country and matrix rows added
to the workplan's own deliverable page)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agencies.models import FocalPoint
from decisions.forms import checked_upload
from decisions.models import (
    ActionPoint,
    AgendaItem,
    CountryDeliverable,
    CountryStatus,
    Decision,
    Document,
    Meeting,
)
from workplan.admin import DeliverableAdmin
from workplan.models import Deliverable


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fields = ["number", "title"]
    extra = 1


class DecisionInline(admin.StackedInline):
    model = Decision
    fields = [("decided_on", "is_public"), "text", ("decided_by", "country", "language")]
    autocomplete_fields = ["country"]
    extra = 0


class ActionPointForm(forms.ModelForm):
    """An action point needs an owner agency and a due date: said so, not Django's "This
    field is required"."""

    class Meta:
        model = ActionPoint
        fields = ["text", "owner_agency", "owner_person", "due_date", "status", "decision"]
        error_messages = {
            "owner_agency": {
                "required": _("An action point needs an owner: the agency that does it.")
            },
            "due_date": {"required": _("An action point needs a due date.")},
            "text": {"required": _("Say what is to be done.")},
        }


class ActionPointInline(admin.TabularInline):
    model = ActionPoint
    form = ActionPointForm
    fields = ["text", "owner_agency", "owner_person", "due_date", "status", "decision"]
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "decision":
            # The decisions of this meeting only (the one being changed, if any).
            meeting_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Decision.objects.filter(meeting_id=meeting_id or 0)
        if db_field.name == "owner_person":
            kwargs["queryset"] = FocalPoint.objects.select_related("agency").order_by(
                "agency__acronym", "name"
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "title",
            "kind",
            "date",
            "place",
            "online",
            "country",
            "agencies",
            "people",
            "minutes",
            "language",
            "minutes_public",
        ]
        error_messages = {
            "people": {
                "invalid_choice": _(
                    "%(value)s is not a person the hub knows: add them as a focal point of "
                    "their agency first."
                ),
                "invalid_pk_value": _("“%(pk)s” is not a person the hub knows."),
            },
            "agencies": {
                "invalid_choice": _(
                    "%(value)s is not an agency the hub knows: add the agency first."
                ),
                "invalid_pk_value": _("“%(pk)s” is not an agency the hub knows."),
            },
        }


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    form = MeetingForm
    list_display = ["title", "date", "kind", "minutes_public"]
    list_filter = ["kind", "minutes_public", "date"]
    search_fields = ["title", "place", "minutes"]
    date_hierarchy = "date"
    autocomplete_fields = ["country", "agencies", "people"]
    fieldsets = [
        (None, {"fields": ["title", ("kind", "date"), ("place", "online"), "country"]}),
        (_("Participants"), {"fields": ["agencies", "people"]}),
        (_("Minutes"), {"fields": ["minutes", ("language", "minutes_public")]}),
    ]
    inlines = [AgendaItemInline, DecisionInline, ActionPointInline]

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        meeting = form.instance
        if not meeting.minutes_public and meeting.decisions.filter(is_public=True).exists():
            messages.warning(
                request,
                _(
                    "Some decisions are public while this meeting's minutes are for members "
                    "only: those decisions are in the public decision log and its feed, the "
                    "minutes are not."
                ),
            )


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "decided_on", "meeting", "is_public"]
    list_filter = ["is_public", "decided_on"]
    list_select_related = ["meeting"]
    search_fields = ["text", "decided_by", "meeting__title"]
    autocomplete_fields = ["meeting", "country"]


@admin.register(ActionPoint)
class ActionPointAdmin(SimpleHistoryAdmin):
    form = ActionPointForm
    list_display = ["text", "owner_agency", "due_date", "status", "meeting"]
    list_filter = ["status", "owner_agency"]
    list_select_related = ["owner_agency", "meeting"]
    search_fields = ["text", "note", "meeting__title"]
    autocomplete_fields = ["owner_agency", "owner_person", "decision"]

    def get_fields(self, request, obj=None):
        return ["meeting", *ActionPointForm.Meta.fields, "note"]

    def get_autocomplete_fields(self, request):
        return [*self.autocomplete_fields, "meeting"]


class DocumentAdminForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = [
            "title",
            "language",
            "date",
            "visibility",
            "agency",
            "file",
            "meeting",
            "deliverable",
            "closes_step",
            "activity",
            "country",
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and getattr(upload, "content_type", None) is not None:
            self.kind = checked_upload(upload)  # a new file: checked like the members' ones
        return upload


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    form = DocumentAdminForm
    list_display = ["title", "date", "visibility", "content_type", "agency"]
    list_filter = ["visibility", "language"]
    search_fields = ["title", "original_name"]
    autocomplete_fields = ["meeting", "deliverable", "activity", "country", "agency"]
    raw_id_fields = ["closes_step"]

    def save_model(self, request: HttpRequest, obj: Document, form, change: bool) -> None:
        kind = getattr(form, "kind", None)
        if kind is not None:
            upload = form.cleaned_data["file"]
            obj.original_name = upload.name[:255]
            obj.content_type, obj.extension, obj.size = (
                kind.content_type,
                kind.extension,
                upload.size,
            )
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)
        if obj.closes_step_id:
            from decisions.documents import complete_step

            complete_step(obj.closes_step, obj.date)


class CountryStatusForm(forms.ModelForm):
    class Meta:
        model = CountryStatus
        fields = ["country", "status", "since", "decision", "note"]
        error_messages = {
            "since": {"required": _("Give the date the status took effect.")},
        }


@admin.register(CountryStatus)
class CountryStatusAdmin(SimpleHistoryAdmin):
    form = CountryStatusForm
    list_display = ["country", "status", "since", "decision"]
    list_filter = ["status"]
    list_select_related = ["country", "decision"]
    search_fields = ["country__name", "note"]
    autocomplete_fields = ["country", "decision"]


class CountryDeliverableInline(admin.StackedInline):
    model = CountryDeliverable
    fields = ["country", "activities"]
    autocomplete_fields = ["country", "activities"]
    verbose_name = _("joint country workplan")
    verbose_name_plural = _("joint country workplan")
    max_num = 1
    extra = 0


# The workplan's deliverable page, with the joint country workplan's part (country and
# matrix rows) added: the workplan does not know this floor.
admin.site.unregister(Deliverable)


@admin.register(Deliverable)
class DeliverableWithCountryAdmin(DeliverableAdmin):
    inlines = [*DeliverableAdmin.inlines, CountryDeliverableInline]
    list_filter = [*DeliverableAdmin.list_filter, "country_plan__country"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The changelist applies list_select_related only to a queryset with none: name
        # the workplan's too.
        return (
            super()
            .get_queryset(request)
            .select_related(*DeliverableAdmin.list_select_related, "country_plan__country")
        )
