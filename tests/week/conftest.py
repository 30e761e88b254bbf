"""Builders for the member's and the secretariat's week (issue 12)."""

import pytest

from tests.factories import make_member


def speaking(user, language: str):
    """Set the person's profile language; returns the user."""
    user.profile.language = language
    user.profile.save(update_fields=["language"])
    return user


@pytest.fixture
def french_member(agency_a):
    return speaking(
        make_member(agency_a, username="marie", email="marie@agency-a.example.org"), "fr"
    )


def log_in(client, user) -> None:
    """Through the real login form (the login signal remembers the profile's language)."""
    response = client.post(
        "/accounts/login/", {"username": user.email, "password": "test-password-123"}
    )
    assert response.status_code == 302, response.content.decode()[:500]


def open_test_round(secretariat, *agencies, days: int = 10, title: str = "Mid-year update"):
    import datetime

    from django.utils import timezone

    from rounds.services import open_round

    return open_round(
        secretariat,
        title=title,
        deadline=timezone.localdate() + datetime.timedelta(days=days),
        agencies=list(agencies),
        message="Please check your rows.",
    )
