"""Pages of a list: ?page=N&page_size=M, the size capped so that no request can ask for all."""

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


class HubPagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    # A larger page_size is served as MAX_PAGE_SIZE, not refused: the response says how
    # many rows there are and links to the next page.
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request: Request) -> int:
        """page_size must be a whole number from 1 (DRF would quietly use the default)."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
            message = _("Give a whole number from 1 (at most %(max)d rows are sent).") % {
                "max": MAX_PAGE_SIZE
            }
            raise ValidationError({self.page_size_query_param: [message]})
        return min(int(raw), MAX_PAGE_SIZE)

    def get_schema_operation_parameters(self, view) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = _(
                    "Rows per page (default %(default)d; more than %(max)d is served as %(max)d)."
                ) % {"default": DEFAULT_PAGE_SIZE, "max": MAX_PAGE_SIZE}
        return parameters
