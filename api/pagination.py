"""Pages of a list: ?page=N&page_size=M, the size capped so that no request can ask for all."""

from functools import partial
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request

from activities.country_order import CountryOrderPaginator

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


def _once(request: Request, name: str) -> str | None:
    """The parameter's value, refused when given twice (DRF would quietly read the last)."""
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise ValidationError({name: [_("Give this parameter once.")]})
    return values[0] if values else None


class HubPagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    # A larger page_size is served as MAX_PAGE_SIZE, not refused: the response says how
    # many rows there are and links to the next page.
    max_page_size = MAX_PAGE_SIZE
    # ?page=last is not in the schema: a page is a number.
    last_page_strings = ()

    def get_page_number(self, request: Request, paginator: Any) -> int:
        """page must be a whole number from 1 (DRF would read ?page= as the first page)."""
        raw = _once(request, self.page_query_param)
        if raw is None:
            return 1
        if not raw.isascii() or not raw.isdigit() or int(raw) < 1:
            raise ValidationError({self.page_query_param: [_("Give a page number from 1.")]})
        return int(raw)

    def get_page_size(self, request: Request) -> int:
        """page_size must be a whole number from 1 (DRF would quietly use the default)."""
        raw = _once(request, self.page_size_query_param)
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


class ActivityPagination(HubPagination):
    """Pages of activities sorted by country (the default) as the matrix pages them: ranking
    every row's country name with a CASE of 250 countries cost ~40 ms of SQL and ~8 ms of
    query building at 10,000 activities; CountryOrderPaginator counts the rows per country
    in place of the COUNT and reads only the countries the page spans. Same rows, same order
    (country name in the active language, title, id), same number of queries."""

    COUNTRY_SORTS = ("country", "-country")

    def paginate_queryset(self, queryset, request: Request, view=None):
        sort = request.query_params.get("sort", "country")
        if sort in self.COUNTRY_SORTS:
            filterset = getattr(view, "filterset", None)
            self.django_paginator_class = partial(
                CountryOrderPaginator,
                descending=sort == "-country",
                country_codes=getattr(filterset, "country_codes", None),
            )
        return super().paginate_queryset(queryset, request, view)
