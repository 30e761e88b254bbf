"""Middleware every app relies on: refuse input the database cannot take, keep private answers
out of caches.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse, QueryDict
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

NUL = "\x00"
# No filter, search or page number is this long; a longer query value is an attack or a
# mistake, and some lookups would pass it to the database as it is.
DEFAULT_MAX_QUERY_VALUE_LENGTH = 1000
# No code, acronym, reference or token in an address is this long, and no file name can be
# (the development server's static files answered a longer one with a 500).
MAX_PATH_SEGMENT_LENGTH = 255


def _has_nul(values: Iterable[str]) -> bool:
    return any(NUL in value for value in values)


def _query_items(query: QueryDict) -> Iterable[str]:
    for key, values in query.lists():
        yield key
        yield from values


def _bad_request(request: HttpRequest, message: str) -> HttpResponse:
    """Plain text for people; JSON (`{"detail": ...}`, as the API's own errors) for a
    client that asks for JSON only, so that an API client reads it like any other 400."""
    accepted = request.headers.get("accept", "")
    api = request.path.startswith(tuple(getattr(settings, "SPF_JSON_PATH_PREFIXES", ())))
    if api or ("json" in accepted and "html" not in accepted):
        return JsonResponse({"detail": message}, status=400)
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


class RejectUnsafeInputMiddleware:
    """Answer 400 with a plain message to a NUL character in the address, a query or form
    parameter, a cookie or a header, and to an over-long part of the address or query value.

    PostgreSQL refuses NUL in any text, so a NUL that reached a lookup was a 500 wherever it
    went; refusing it here is the one place instead of a check in every view. Put it before the
    session middleware: a session cookie carrying a NUL would be looked up too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.max_query_value_length = getattr(
            settings, "SPF_MAX_QUERY_VALUE_LENGTH", DEFAULT_MAX_QUERY_VALUE_LENGTH
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        problem = self.problem(request)
        if problem:
            return _bad_request(request, problem)
        return self.get_response(request)

    def problem(self, request: HttpRequest) -> str:
        """What is wrong with the request, in a sentence for the person; "" if nothing."""
        if NUL in request.path:
            return _("Bad request: the address contains a NUL character (a zero byte).")
        if any(len(part) > MAX_PATH_SEGMENT_LENGTH for part in request.path.split("/")):
            return _("Bad request: a part of the address is longer than %(limit)d characters.") % {
                "limit": MAX_PATH_SEGMENT_LENGTH
            }
        if _has_nul(_query_items(request.GET)):
            return _("Bad request: a parameter of the address contains a NUL character.")
        too_long = [
            key
            for key, values in request.GET.lists()
            if any(len(value) > self.max_query_value_length for value in values)
        ]
        if too_long:
            return _(
                "Bad request: the parameter “%(name)s” is longer than %(limit)d characters."
            ) % {"name": too_long[0][:50], "limit": self.max_query_value_length}
        if _has_nul(request.COOKIES.values()) or _has_nul(
            value for key, value in request.META.items() if key.startswith("HTTP_")
        ):
            return _("Bad request: a cookie or header contains a NUL character.")
        if request.method == "POST" and _has_nul(_query_items(request.POST)):
            return _("Bad request: a field of the form contains a NUL character.")
        return ""


class PrivateResponsesMiddleware:
    """`Cache-Control: private, no-store` on every answer to a logged-in person.

    Whatever a logged-in person sees may carry contact details or country assessments (pages
    and downloads alike), and no proxy or shared browser cache should keep it. Views that
    answer private data without a session (calendar feeds by token) mark themselves with
    Django's `cache_control(private=True, no_store=True)`. Put it after the authentication
    middleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response


class PermissionsPolicyMiddleware:
    """The Permissions-Policy header (settings.SPF_PERMISSIONS_POLICY) on every answer,
    static files included; Django's SecurityMiddleware does not write it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.SPF_PERMISSIONS_POLICY)
        return response
