"""Development runs: links in emails lead back to where the app actually runs.

Emails are written outside any request (reminders, tasks), so their links start with
settings.SITE_URL. In production SITE_URL is set. In a dev run where it is not, the app may
be served at another address or port than the default (`runserver 0.0.0.0:8080`, a
container): this middleware makes SITE_URL follow the address the dev server is reached at,
so the links of every email it sends afterwards work.
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class FollowDevServerMiddleware:
    """With DEBUG on and no SITE_URL in the environment, SITE_URL becomes this request's
    origin (the Host header was checked against ALLOWED_HOSTS first)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.DEBUG and not settings.SITE_URL_FROM_ENVIRONMENT:
            settings.SITE_URL = request.build_absolute_uri("/").rstrip("/")
        return self.get_response(request)
