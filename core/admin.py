"""What every import-export admin of the hub shares."""

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from import_export.admin import ExportMixin, ImportMixin
from import_export.formats import base_formats

from core.import_formats import HubXLSX, SpreadsheetFile
from core.spreadsheets.reading import UnreadableFile


class HubExportMixin(ExportMixin):
    """Spreadsheets people actually use (CSV, XLSX), with the contact columns.

    The admin is the secretariat's: it may see and edit focal points' contact details.
    """

    export_formats = [base_formats.CSV, HubXLSX]

    def get_resource_kwargs(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        return {"include_contacts": True}

    def get_export_data(self, file_format: Any, request: HttpRequest, queryset: Any, **kwargs):
        """The values as they are for the hub's XLSX writer, which types each cell itself
        (core.resources.export_cell)."""
        if not isinstance(file_format, HubXLSX):
            return super().get_export_data(file_format, request, queryset, **kwargs)
        if not self.has_export_permission(request):
            raise PermissionDenied
        kwargs["hub_writer"] = True
        return file_format.export_data(self.get_data_for_export(request, queryset, **kwargs))

    def export_action(self, request: HttpRequest) -> HttpResponse:
        """The export page reads the list's filters from its address; filters it cannot read
        (typed by hand, or a field that is no filter) show the page again without them, as
        the list itself does, instead of a 500."""
        try:
            return super().export_action(request)
        except IncorrectLookupParameters:
            messages.warning(
                request,
                _("The filters in the address were not understood: the export covers every row."),
            )
            return HttpResponseRedirect(request.path)


class HubExportAdmin(HubExportMixin, admin.ModelAdmin):
    """Export from the admin; the list's Import button opens the hub's own import page.

    `import_url_name` names that page: one import pipeline (its formats, matching and rules)
    for the admin and the front end alike, not django-import-export's second one.
    """

    import_export_change_list_template = "admin/import_export/change_list_hub_import.html"
    import_url_name: str = ""

    def get_urls(self) -> list[URLPattern]:
        urls = super().get_urls()
        if not self.import_url_name:
            return urls
        opts = self.model._meta
        # The old address of the admin's import leads to the one import too.
        to_import = path(
            "import/",
            self.admin_site.admin_view(lambda request: redirect(self.import_url_name)),
            name=f"{opts.app_label}_{opts.model_name}_import",
        )
        return [to_import, *urls]

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None) -> Any:
        extra_context = dict(extra_context or {})
        extra_context["hub_import_url_name"] = self.import_url_name
        return super().changelist_view(request, extra_context)


class HubImportExportAdmin(ImportMixin, HubExportMixin, admin.ModelAdmin):
    """Import and export of a list that the hub's import page does not read (agencies,
    focal points, countries, deliverables), by django-import-export, the file read by the
    hub's one reader (core.import_formats)."""

    import_export_change_list_template = "admin/import_export/change_list_import_export.html"
    import_formats = [SpreadsheetFile]

    def add_data_read_fail_error_to_form(self, form: Any, error: Exception) -> None:
        """The reader's own message (what is wrong with the file, and what to do), rather
        than django-import-export's name of an exception."""
        if isinstance(error, UnreadableFile):
            form.add_error("import_file", error.message)
        else:
            super().add_data_read_fail_error_to_form(form, error)
