"""A page for a GET on an address that only takes a form's answer (POST), instead of
Django's blank 405: a refreshed `/rounds/parts/N/submit/`, a bookmarked confirm button."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


class NotAllowedPageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405 or request.method != "GET" or response.content:
            return response
        referer = request.headers.get("Referer", "")
        back = referer if url_has_allowed_host_and_scheme(referer, {request.get_host()}) else ""
        page = render(request, "405.html", {"back": back}, status=405)
        page["Allow"] = response.get("Allow", "POST")
        return page
