import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

PASSWORD = "test-password-123"


def attempt(client, password: str, login: str = "ana@example.org"):
    return client.post(reverse("login"), {"username": login, "password": password})


def test_it_locks_the_login_after_five_wrong_passwords(client, settings):
    make_user("ana@example.org", email="ana@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong-password")
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "Try again in 15 minutes" in response.content.decode()
    assert not client.get(reverse("login")).context["user"].is_authenticated


def test_it_lets_the_person_in_again_after_the_pause(client, settings):
    make_user("ana@example.org", email="ana@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong-password")
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16)):
        response = attempt(client, PASSWORD)
    assert response.status_code == 302


def test_it_does_not_lock_after_four_wrong_passwords(client, settings):
    make_user("ana@example.org", email="ana@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong-password")
    response = attempt(client, PASSWORD)
    assert response.status_code == 302
