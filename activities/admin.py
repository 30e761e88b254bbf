from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from activities import participations
from activities.concurrency import EditConflict, changes_since
from activities.forms import PlacesFormMixin, ThemeChoiceField
from activities.models import Activity, ActivityAgency, Role, Theme, Tool, role_order
from activities.places import covered_countries, set_places, set_themes
from activities.resources import ActivityResource
from agencies.models import Agency
from core.admin import HubExportAdmin
from core.forms import VersionedModelForm
from countries.models import Country, Subdivision


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


class ActivityAdminForm(PlacesFormMixin, VersionedModelForm):
    """A save based on an older version of the activity is refused (core.forms), saying
    what the other person changed (activities.concurrency). Its places follow the same
    rules as the member's form (activities.forms.PlacesFormMixin); their fields are not
    named as the model's, so that the admin never writes the links without their history."""

    PLACE_FIELDS = ("covered_countries", "places")

    covered_countries = forms.ModelMultipleChoiceField(
        label=_("Countries"),
        queryset=Country.objects.all(),
        required=False,
        help_text=_(
            "Every country it covers (a regional one without countries: the whole region)."
        ),
    )
    places = forms.ModelMultipleChoiceField(
        label=_("Places in the countries"), queryset=Subdivision.objects.all(), required=False
    )
    theme_choices = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.place_warnings: list[str] = []
        if "scope" in self.fields:
            self.fields["scope"].required = False  # kept as it is when not sent
        activity = self.instance
        if activity.pk:
            self.initial["covered_countries"] = [c.pk for c in covered_countries(activity)]
            self.initial["places"] = list(activity.subdivisions.values_list("pk", flat=True))
            self.initial["theme_choices"] = list(activity.themes.values_list("pk", flat=True))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self._check_places(cleaned)
        return cleaned

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
        "scope",
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
        "scope",
        "region",
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
        (None, {"fields": ["reference", "title", "description", "based_on_version"]}),
        (
            _("Where"),
            {"fields": ["scope", "region", "country", "covered_countries", "places"]},
        ),
        (_("Themes"), {"fields": ["theme_choices"]}),
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

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # The long lists are searched as one types (the countries' and places' admin pages).
        for name, relation in (("covered_countries", "countries"), ("places", "subdivisions")):
            form.base_fields[name].widget = AutocompleteSelectMultiple(
                Activity._meta.get_field(relation), self.admin_site
            )
        return form

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        activity = form.instance
        activity._history_user = request.user
        set_places(activity, **form.places())
        set_themes(activity, form.cleaned_data["theme_choices"])
        for warning in form.place_warnings:
            messages.warning(request, warning)

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


@admin.register(Theme)
class ThemeAdmin(SimpleHistoryAdmin):
    """The managed list of themes, in the hub's three languages."""

    list_display = ["name", "name_fr", "name_es", "code", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_fr", "name_es", "code"]


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
