"""Logging in as a test would from the street: a login POST from a given address."""

from django.urls import reverse

PASSWORD = "test-password-123"
WRONG = "wrong-password"


def attempt(client, login: str, password: str = WRONG, address: str = "203.0.113.1", **headers):
    """POST the login form from `address` (the connection's own, REMOTE_ADDR)."""
    data = {"username": login, "password": password}
    return client.post(reverse("login"), data, REMOTE_ADDR=address, **headers)


def through_proxy(client, login: str, password: str = WRONG, *, forwarded: str):
    """POST the login form through one reverse proxy (10.0.0.2) that sends X-Forwarded-For."""
    return attempt(client, login, password, address="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)


def logged_in(client) -> bool:
    return client.get(reverse("login")).context["user"].is_authenticated
