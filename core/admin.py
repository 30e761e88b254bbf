"""What every import-export admin of the hub shares."""

from typing import Any

from django.http import HttpRequest
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats


class HubImportExportAdmin(ImportExportModelAdmin):
    """Spreadsheets people actually use (CSV, XLSX), with the contact columns.

    The admin is the secretariat's: it may see and edit focal points' contact details.
    """

    import_formats = [base_formats.CSV, base_formats.XLSX]
    export_formats = [base_formats.CSV, base_formats.XLSX]

    def get_resource_kwargs(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        return {"include_contacts": True}
