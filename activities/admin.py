from typing import Any

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from activities import participations
from activities.concurrency import EditConflict, changes_since
from activities.models import Activity, ActivityAgency, Role, Tool, role_order
from activities.resources import ActivityResource
from agencies.models import Agency
from core.admin import HubExportAdmin
from core.forms import VersionedModelForm


class ParticipationFormSet(BaseInlineFormSet):
    """The agencies of an activity, checked and written by activities.participations (the
    same rules and writer as the front-end forms and the import), not form by form."""

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.roles: dict[int, str] = {}

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        names: dict[int, str] = {}
        for form in self.forms:
            data = form.cleaned_data
            agency = data.get("agency") if data and not data.get("DELETE") else None
            if agency is None:
                continue
            names[agency.pk] = agency.acronym
            try:
                participations.add(self.roles, agency.pk, data["role"], agency.acronym)
            except ValidationError as error:
                form.add_error("agency", error)
        if not any(self.errors):
            before = participations.stored_roles(self.instance.pk) if self.instance.pk else None
            participations.check(self.user, self.roles, names, before=before)

    def save(self, commit: bool = True) -> list:
        written = participations.set_roles(self.instance.pk, self.roles)
        # What the admin's change message lists.
        self.new_objects = written.created
        self.changed_objects = [(link, ["role"]) for link in written.changed]
        self.deleted_objects = written.deleted
        return [*written.created, *written.changed]


class ActivityAdminForm(VersionedModelForm):
    """A save based on an older version of the activity is refused (core.forms), saying
    what the other person changed (activities.concurrency)."""

    def conflict_message(self, current: Activity, based_on: int) -> str:
        return EditConflict(current, changes_since(current, based_on)).message()


class ParticipationInline(admin.TabularInline):
    model = ActivityAgency
    formset = ParticipationFormSet
    fields = ["agency", "role"]
    autocomplete_fields = ["agency"]
    extra = 1

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("agency").order_by(role_order())


class LeadAgencyFilter(admin.SimpleListFilter):
    title = _("lead agency")
    parameter_name = "lead"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[int, str]]:
        leading = Agency.objects.filter(participations__role=Role.LEAD).distinct()
        return list(leading.order_by("acronym").values_list("pk", "acronym"))

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        # A string from the address, or a lookup's own int when the admin counts the facets
        # ("Show counts"); isdecimal, not isdigit: int() refuses a superscript "²".
        value = str(self.value() or "")
        if value.isdecimal():
            return queryset.with_agency(int(value), Role.LEAD)
        return queryset


@admin.register(Activity)
class ActivityAdmin(HubExportAdmin, SimpleHistoryAdmin):
    form = ActivityAdminForm
    # The Import button opens the spreadsheet import: one pipeline, for the admin too.
    import_url_name = "imports:upload"
    resource_classes = [ActivityResource]
    inlines = [ParticipationInline]
    list_display = [
        "reference",
        "title",
        "country",
        "lead_agency",
        "agency_list",
        "status",
        "activity_type",
        "start_date",
        "end_date",
        "updated_at",
    ]
    list_display_links = ["reference", "title"]
    list_select_related = ["country"]
    list_filter = [
        "activity_type",
        "status",
        "country__region",
        "covers_health",
        "covers_children",
        "covers_working_age",
        "covers_older_persons",
        LeadAgencyFilter,
    ]
    search_fields = ["reference", "title", "description", "country__name", "country__name_variants"]
    search_help_text = _("Reference, title, description or country.")
    autocomplete_fields = ["country", "focal_point", "tools_used", "tools_needed"]
    readonly_fields = ["reference", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["reference", "country", "title", "description", "based_on_version"]}),
        (_("Kind and status"), {"fields": ["activity_type", "status", "start_date", "end_date"]}),
        (
            _("R202 guarantees"),
            {
                "fields": [
                    "covers_health",
                    "covers_children",
                    "covers_working_age",
                    "covers_older_persons",
                ]
            },
        ),
        (_("Contact, tools, funding"), {"fields": ["focal_point", "tools_used", "tools_needed"]}),
        (None, {"fields": ["funding", "created_at", "updated_at"]}),
    ]

    def get_formset_kwargs(self, request: HttpRequest, obj: Any, inline: Any, prefix: str) -> dict:
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ParticipationInline):
            kwargs["user"] = request.user  # a member's own agency must stay (the rules)
        return kwargs

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The agency columns read the participations, fetched once for the whole page.
        participations = ActivityAgency.objects.select_related("agency").order_by(
            role_order(), "agency__acronym"
        )
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("participations", queryset=participations))
        )

    @admin.display(description=_("lead agency"))
    def lead_agency(self, activity: Activity) -> str:
        lead = activity.lead
        return lead.agency.acronym if lead else "—"

    @admin.display(description=_("agencies"))
    def agency_list(self, activity: Activity) -> str:
        return ", ".join(p.agency.acronym for p in activity.participations.all())


@admin.register(Tool)
class ToolAdmin(SimpleHistoryAdmin):
    # The history of tools is recorded by the catalogues app (catalogues/models.py registers
    # Tool with django-simple-history), which keeps the SPF tools catalogue.
    list_display = ["name", "acronym", "owner"]
    list_select_related = ["owner"]
    list_filter = ["owner__kind"]
    search_fields = ["name", "acronym", "owner__acronym"]
    autocomplete_fields = ["owner"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
