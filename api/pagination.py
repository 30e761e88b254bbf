"""Pages of a list: ?page=N&page_size=M, the size capped so that no request can ask for all."""

from rest_framework.pagination import PageNumberPagination

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


class HubPagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    # A larger page_size is served as MAX_PAGE_SIZE, not refused: the response says how
    # many rows came back and links to the next page.
    max_page_size = MAX_PAGE_SIZE
