"""The matrix as a CSV or XLSX download, fast enough for every activity at once.

Columns and headers come from ActivityResource, so the admin's export and the front
end's agree; the rows skip django-import-export's per-cell machinery and go straight to
the streaming writers of spf_coalition.exporters (see the README's benchmark notes).
"""

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext

from activities.models import Activity
from activities.resources import ActivityResource
from spf_coalition.exporters import FORMATS, table_response

__all__ = ["FORMATS", "ActivityTable", "export_response"]


class ActivityTable:
    """The header, then one row per activity of the queryset, in the queryset's order."""

    def __init__(self, queryset: QuerySet[Activity], *, include_contacts: bool) -> None:
        self.queryset = queryset
        self.resource = ActivityResource(include_contacts=include_contacts)

    def iter_table(self) -> Iterator[list[Any]]:
        return self.resource.iter_table(self.queryset)


def export_response(
    queryset: QuerySet[Activity], fmt: str, *, include_contacts: bool, filename: str
) -> HttpResponse | StreamingHttpResponse:
    """Exactly the queryset's activities as `fmt` ("csv" or "xlsx"); ValueError otherwise.

    Contact details (focal point email and phone) are included only when asked for.
    """
    table = ActivityTable(queryset, include_contacts=include_contacts)
    return table_response(table, fmt, filename=filename, sheet_title=gettext("SPF activities"))
