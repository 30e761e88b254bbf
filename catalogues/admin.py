from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from catalogues.models import DataSet, GlobalProcess, OutreachMaterial
from catalogues.services import sync_input_step


@admin.register(DataSet)
class DataSetAdmin(SimpleHistoryAdmin):
    list_display = ["name", "owner", "access", "update_frequency"]
    list_filter = ["access", "update_frequency"]
    list_select_related = ["owner"]
    search_fields = ["name", "definition", "owner__acronym"]
    autocomplete_fields = ["owner"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(GlobalProcess)
class GlobalProcessAdmin(SimpleHistoryAdmin):
    list_display = ["name", "starts_on", "place", "input_deadline", "deliverable"]
    list_select_related = ["deliverable"]
    search_fields = ["name", "what", "place"]
    autocomplete_fields = ["agencies"]
    raw_id_fields = ["deliverable"]
    readonly_fields = ["input_step"]

    def save_model(self, request, obj: GlobalProcess, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        step = sync_input_step(obj)
        if step is not None:
            message = _("The input deadline is a step of the workplan: %(step)s.")
            self.message_user(request, message % {"step": step})


@admin.register(OutreachMaterial)
class OutreachMaterialAdmin(SimpleHistoryAdmin):
    list_display = ["title", "audience", "format", "owner"]
    list_filter = ["audience", "format"]
    list_select_related = ["owner"]
    search_fields = ["title", "owner__acronym"]
    autocomplete_fields = ["owner", "countries"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
