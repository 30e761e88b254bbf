"""Every URL pattern, the admin's included, with hostile path segments, query parameters and
form fields, as an anonymous visitor, a member and the secretariat: no answer is a 500.

Each request runs in a savepoint rolled back afterwards, so that one request's writes (a POST
that deletes or closes) never change what the next one probes, and goes out with the
persona's cookies as they were (a POST to log out does not end the walk's session). Requests
go straight to Django's request handler: the test client's copy of every template context,
which no assertion here reads, would add about 40% to the walk's time.
"""

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.signals import got_request_exception
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.client import ClientHandler

from tests.security.conftest import Coalition
from tests.security.routes import (
    ADMIN_FORM_VALUES,
    ADMIN_QUERY_VALUES,
    ADMIN_SEGMENTS,
    HOSTILE_FORM_VALUES,
    HOSTILE_QUERY_VALUES,
    HOSTILE_SEGMENTS,
    Route,
    form,
    query,
    site_routes,
    valid_args,
)

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

# Admin pages that answer anyone; every other admin page sends a non-staff visitor to the
# admin's login before its view runs, so one request each is all an outsider can probe there.
ADMIN_OPEN = {"admin:login", "admin:logout", "admin:"}
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"
# Requests sent and 500s answered, per persona: the last test of the file prints them.
FIGURES: dict[str, tuple[int, int]] = {}


def requests(route: Route, coalition: Coalition, staff: bool) -> Iterator[tuple[str, str, dict]]:
    """(method, address, form data) for one route: each hole hostile in turn (the others
    naming records that exist), then the hostile query values, then hostile forms."""
    args = valid_args(route, coalition)
    base = route.url(args)
    if route.name.startswith("admin:") and route.name not in ADMIN_OPEN and not staff:
        yield "get", f"{base}?{query(HOSTILE_QUERY_VALUES[1])}", {}
        return
    admin = route.name.startswith("admin:")
    for hole in route.holes:
        for value in ADMIN_SEGMENTS if admin else HOSTILE_SEGMENTS:
            if hole not in route.digit_holes or (value.isascii() and value.isdigit()):
                yield "get", route.url({**args, hole: value}), {}
    for value in ADMIN_QUERY_VALUES if admin else HOSTILE_QUERY_VALUES:
        yield "get", f"{base}?{query(value)}", {}
    for value in ADMIN_FORM_VALUES if admin else HOSTILE_FORM_VALUES:
        yield "post", base, form(value)


class EnvironFactory(RequestFactory):
    """RequestFactory's requests as the WSGI environ the handler takes (as Client does)."""

    def request(self, **request: object) -> dict:
        return self._base_environ(**request)


class Prober:
    """Sends requests as one persona and keeps the exception behind any 500."""

    def __init__(self, cookies) -> None:
        self.factory = EnvironFactory()
        self.factory.cookies = cookies
        self.handler = ClientHandler(enforce_csrf_checks=False)
        self.error = ""

    def note_exception(self, sender: object, **kwargs: object) -> None:
        kind, value, _ = sys.exc_info()
        self.error = f"{kind.__name__}: {str(value)[:150]}" if kind else "?"

    def send(self, method: str, url: str, data: dict) -> HttpResponse:
        self.error = ""
        environ = getattr(self.factory, method)(url, data)
        with transaction.atomic():
            response = self.handler(environ)
            transaction.set_rollback(True)
        return response


@pytest.mark.parametrize("persona", ["anonymous", "member", "secretariat"])
def test_it_answers_no_500_to_hostile_addresses(client, coalition, persona, caplog):
    # Each 500 would log its traceback (some with a 5,000-character address); the list of
    # failures says what went wrong in a line each.
    caplog.set_level(logging.CRITICAL, logger="django.request")
    caplog.set_level(logging.CRITICAL, logger="django.security")
    user = getattr(coalition, persona, None)
    if user is not None:
        client.force_login(user)
    prober = Prober(client.cookies)
    got_request_exception.connect(prober.note_exception, dispatch_uid="fuzz")
    failures, sent = [], 0
    try:
        for route in site_routes():
            staff = user is not None and user.is_staff
            for method, url, data in requests(route, coalition, staff):
                response = prober.send(method, url, data)
                sent += 1
                if response.status_code >= 500:
                    failures.append(f"{method.upper()} {url[:150]!r} {prober.error}")
    finally:
        got_request_exception.disconnect(dispatch_uid="fuzz")
    FIGURES[persona] = (sent, len(failures))
    report = OUTPUT / f"fuzz-500s-{persona}.txt"
    report.unlink(missing_ok=True)
    if failures:
        OUTPUT.mkdir(exist_ok=True)
        report.write_text("\n".join(failures) + "\n")
    assert sent > 500
    assert failures == []


def test_it_reports_the_requests_sent(capsys):
    """The figures the issue asks for (the walks above run first: same file, earlier)."""
    if not FIGURES:
        pytest.skip("the fuzz walks did not run")
    sent = sum(count for count, _ in FIGURES.values())
    errors = sum(count for _, count in FIGURES.values())
    by_persona = ", ".join(f"{name} {count}" for name, (count, _) in FIGURES.items())
    with capsys.disabled():
        print(f"\nURL fuzz: {sent} requests ({by_persona}), {errors} answered 500.")
    assert errors == 0
