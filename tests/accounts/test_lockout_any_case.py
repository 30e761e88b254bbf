import pytest
from django.urls import reverse

from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_it_counts_failures_across_spellings_of_the_email(client, settings):
    make_user("ana@example.org", email="ana@example.org")
    spellings = ["ana@example.org", "ANA@example.org", "Ana@Example.org", " ana@EXAMPLE.org"]
    for n in range(settings.AXES_FAILURE_LIMIT):
        login = spellings[n % len(spellings)]
        client.post(reverse("login"), {"username": login, "password": "wrong"})
    response = client.post(
        reverse("login"), {"username": "ana@example.org", "password": "test-password-123"}
    )
    assert response.status_code == 429
    assert not client.get(reverse("login")).context["user"].is_authenticated
