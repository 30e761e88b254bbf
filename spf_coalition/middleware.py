from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

# Paths that stay open on a private site: logging in, the admin's own login, assets, the
# health probe, and links that carry their own signed token (calendar feeds that calendar
# apps fetch without a session, the digest opt-out link in emails).
OPEN_PREFIXES = (
    "/admin/login/",
    "/accounts/",
    "/static/",
    "/i18n/",
    "/healthz",
    "/favicon.ico",
    "/workplan/calendar/",
    "/workplan/digest-off/",
    # The API answers 401 itself and reads tokens, which this middleware cannot see.
    "/api/v1/",
    "/api/schema/",
    "/api/docs/",
)


class PrivateSiteMiddleware:
    """With SPF_PRIVATE_SITE on, every page needs a logged-in user."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.SPF_PRIVATE_SITE
            and not request.user.is_authenticated
            and not request.path.startswith(OPEN_PREFIXES)
        ):
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)
