"""A person follows countries and agencies from their profile page, and stops."""

import pytest
from django.urls import reverse

from follows.models import Follow
from tests.factories import make_country

pytestmark = pytest.mark.django_db


def test_it_follows_a_country_from_the_profile(member_a_client, member_a):
    viet_nam = make_country("VN")
    response = member_a_client.post(reverse("follows:follow"), {"country": viet_nam.pk})
    assert response["Location"] == "/accounts/profile/#follows"
    assert list(Follow.objects.values_list("user", "country")) == [(member_a.pk, viet_nam.pk)]


def test_it_follows_an_agency_once(member_a_client, agency_b):
    for _time in range(2):
        member_a_client.post(reverse("follows:follow"), {"agency": agency_b.pk})
    assert Follow.objects.filter(agency=agency_b).count() == 1


def test_it_lists_what_the_person_follows_on_the_profile(member_a_client, member_a, agency_b):
    follow = Follow.objects.create(user=member_a, agency=agency_b)
    content = member_a_client.get("/accounts/profile/").content.decode()
    assert f'action="/follows/{follow.pk}/stop/"' in content


def test_it_stops_following(member_a_client, member_a, agency_b):
    follow = Follow.objects.create(user=member_a, agency=agency_b)
    member_a_client.post(reverse("follows:unfollow", args=[follow.pk]))
    assert not Follow.objects.exists()


def test_it_does_not_find_someone_else_s_follow(member_b_client, member_a, agency_b):
    follow = Follow.objects.create(user=member_a, agency=agency_b)
    response = member_b_client.post(reverse("follows:unfollow", args=[follow.pk]))
    assert response.status_code == 404
    assert Follow.objects.exists()


def test_it_sends_a_visitor_to_log_in(client, agency_b):
    response = client.post(reverse("follows:follow"), {"agency": agency_b.pk})
    assert response.status_code == 302
    assert not Follow.objects.exists()


def test_it_names_what_is_missing(member_a_client):
    response = member_a_client.post(reverse("follows:follow"), {}, follow=True)
    assert "Pick a country or an agency to follow." in response.content.decode()
