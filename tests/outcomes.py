"""How a permission-matrix test reads a response: a status, or LOGIN when sent to log in."""

from django.urls import reverse

LOGIN = "login"


def outcome(response) -> int | str:
    """The status, with any redirect read as success (200) unless it goes to the login page."""
    if response.status_code == 302:
        return LOGIN if response.url.startswith(reverse("login")) else 200
    return response.status_code
