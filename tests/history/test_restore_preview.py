"""Restoring a version first shows what it would change and asks to confirm; only the
confirmation (a POST) changes the activity."""

import pytest
from django.urls import reverse

from activities.models import Activity

pytestmark = pytest.mark.django_db


def preview(client, activity, record):
    url = reverse("activities:restore", kwargs={"reference": activity.reference})
    return client.get(url, {"history_id": record.history_id})


def test_it_changes_nothing_when_asked_for_the_preview(secretariat_client, activity, first_version):
    response = preview(secretariat_client, activity, first_version)
    assert response.status_code == 200
    assert Activity.objects.get(pk=activity.pk).title == "Third title"


def test_it_shows_each_field_from_now_to_restored(secretariat_client, activity, first_version):
    changes = preview(secretariat_client, activity, first_version).context["preview"].changes
    titles = [(c.old, c.new) for c in changes if c.label == "title"]
    assert titles == [("Third title", "First title")]


def test_it_shows_the_agencies_and_roles_that_would_change(
    secretariat_client,
    activity,
    second_version,
):
    lines = preview(secretariat_client, activity, second_version).context["preview"].agency_changes
    assert "AGB removed (was Lead)" in lines
    assert "AGA: Partner → Lead" in lines


def test_it_posts_the_confirmation_with_the_version_it_showed(
    secretariat_client,
    activity,
    first_version,
):
    content = preview(secretariat_client, activity, first_version).content.decode()
    assert 'method="post"' in content
    assert f'name="version" value="{activity.version}"' in content


def test_it_answers_404_for_a_version_of_another_activity(secretariat_client, activity):
    url = reverse("activities:restore", kwargs={"reference": activity.reference})
    assert secretariat_client.get(url, {"history_id": "999999"}).status_code == 404


def test_it_refuses_the_preview_to_a_member(member_a_client, activity, first_version):
    assert preview(member_a_client, activity, first_version).status_code == 403


def test_it_links_the_history_page_to_the_preview(secretariat_client, activity):
    url = reverse("activities:history", kwargs={"reference": activity.reference})
    content = secretariat_client.get(url).content.decode()
    assert 'method="get" action="/activities/' in content
