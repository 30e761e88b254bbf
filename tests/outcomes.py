"""How a permission-matrix test reads a response: a status, or LOGIN when sent to log in."""

from django.urls import reverse

LOGIN = "login"


def outcome(response) -> int | str:
    """The status, with any redirect read as success (200) unless it goes to the login page."""
    if response.status_code == 302:
        return LOGIN if response.url.startswith(reverse("login")) else 200
    return response.status_code


# The expected outcome for each persona, for the two rights most pages share.
MEMBERS_AND_SECRETARIAT = [
    ("anonymous", LOGIN),
    ("viewer", 403),
    ("member_a", 200),
    ("member_b", 200),
    ("secretariat", 200),
    ("superuser", 200),
]
SECRETARIAT_ONLY = [
    ("anonymous", LOGIN),
    ("viewer", 403),
    ("member_a", 403),
    ("member_b", 403),
    ("secretariat", 200),
    ("superuser", 200),
]
# What speaks for agency A (its rows, its round, its catalogue entries): its members and the
# secretariat.
AGENCY_A_AND_SECRETARIAT = [
    ("anonymous", LOGIN),
    ("viewer", 403),
    ("member_a", 200),
    ("member_b", 403),
    ("secretariat", 200),
    ("superuser", 200),
]
