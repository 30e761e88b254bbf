from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agencies.models import Agency, FocalPoint
from agencies.resources import AgencyResource, FocalPointResource
from core.admin import HubImportExportAdmin


@admin.register(Agency)
class AgencyAdmin(HubImportExportAdmin):
    resource_classes = [AgencyResource]
    list_display = ["acronym", "name", "kind", "is_member"]
    list_filter = ["kind", "is_member"]
    search_fields = ["acronym", "name", "name_variants"]
    search_help_text = _("Acronym, full name or spelling variant (e.g. UNWomen).")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(FocalPoint)
class FocalPointAdmin(HubImportExportAdmin, SimpleHistoryAdmin):
    resource_classes = [FocalPointResource]
    list_display = ["name", "agency", "level", "scope_display", "email"]
    list_select_related = ["agency", "country"]
    list_filter = ["level", "region", "agency__kind", "agency__is_member"]
    search_fields = ["name", "email", "agency__acronym", "agency__name"]
    search_help_text = _("Name, email or agency.")
    autocomplete_fields = ["agency", "country"]
    fields = [
        "agency",
        "name",
        "position",
        "level",
        "country",
        "region",
        "email",
        "phone",
        "publishes_contact",
    ]

    @admin.display(description=_("scope"))
    def scope_display(self, person: FocalPoint) -> str:
        return person.scope
