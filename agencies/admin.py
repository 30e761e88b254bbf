from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from agencies.models import Agency, FocalLevel, FocalPoint
from agencies.resources import AgencyResource, FocalPointResource
from spf_coalition.admin import HubImportExportAdmin


@admin.register(Agency)
class AgencyAdmin(HubImportExportAdmin):
    resource_classes = [AgencyResource]
    list_display = ["acronym", "name", "kind", "is_member"]
    list_filter = ["kind", "is_member"]
    search_fields = ["acronym", "name", "name_variants"]
    search_help_text = _("Acronym, full name or spelling variant (e.g. UNWomen).")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class FocalPointAdminForm(forms.ModelForm):
    """Says which field breaks the level rule (the database constraint only says that one is)."""

    class Meta:
        model = FocalPoint
        fields = ["agency", "name", "position", "level", "country", "region", "email", "phone"]

    def clean(self) -> dict:
        cleaned = super().clean()
        level, country, region = (cleaned.get(name) for name in ("level", "country", "region"))
        if level == FocalLevel.COUNTRY:
            if not country:
                self.add_error("country", _("A country focal point needs a country."))
            if region:
                self.add_error("region", _("A country focal point has no region: leave it empty."))
        elif level == FocalLevel.REGIONAL:
            if not region:
                self.add_error("region", _("A regional focal point needs a region."))
            if country:
                self.add_error(
                    "country", _("A regional focal point has no country: leave it empty.")
                )
        elif level == FocalLevel.GLOBAL:
            for name in ("country", "region"):
                if cleaned.get(name):
                    self.add_error(
                        name, _("A global focal point has no country or region: leave it empty.")
                    )
        return cleaned


@admin.register(FocalPoint)
class FocalPointAdmin(HubImportExportAdmin, SimpleHistoryAdmin):
    form = FocalPointAdminForm
    resource_classes = [FocalPointResource]
    list_display = ["name", "agency", "level", "scope_display", "email"]
    list_select_related = ["agency", "country"]
    list_filter = ["level", "region", "agency__kind", "agency__is_member"]
    search_fields = ["name", "email", "agency__acronym", "agency__name"]
    search_help_text = _("Name, email or agency.")
    autocomplete_fields = ["agency", "country"]
    fields = FocalPointAdminForm.Meta.fields

    @admin.display(description=_("scope"))
    def scope_display(self, person: FocalPoint) -> str:
        return person.scope
