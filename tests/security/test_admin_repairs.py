"""Hand-made admin requests that Django's admin and django-simple-history answered with a
500 now answer as for any unknown object (core/admin_repairs.py)."""

import pytest
from django.urls import reverse

from tests.factories import make_activity, make_country

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def activity(db):
    return make_activity(make_country("VN"))


def test_it_reads_an_empty_to_field_as_none(superuser_client, activity):
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    response = superuser_client.get(url, {"_to_field": ""})
    assert response.status_code == 200
    assert activity.title in response.content.decode()


@pytest.mark.parametrize("object_id", ["abc", "²", "x" * 200])
def test_it_answers_404_to_a_history_of_no_id(superuser_client, object_id):
    url = reverse("admin:activities_activity_history", args=[object_id])
    assert superuser_client.get(url).status_code == 404


def test_it_answers_404_to_a_version_of_no_id(superuser_client, activity):
    url = f"/admin/activities/activity/{activity.pk}/history/abc/"
    assert superuser_client.get(url).status_code == 404


def test_it_redraws_an_autocomplete_field_holding_no_id(superuser_client):
    url = reverse("admin:activities_activity_add")
    response = superuser_client.post(url, {"title": "T", "country": "' OR '1'='1"})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["country"]


def test_it_shows_the_export_again_for_a_filter_it_cannot_read(superuser_client):
    url = reverse("admin:activities_activity_export")
    response = superuser_client.get(url, {"page": "2"})
    assert response.status_code == 302
    assert response["Location"] == url
