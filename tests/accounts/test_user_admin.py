import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import invitations
from tests.accounts.helpers import link_path
from tests.factories import make_agency, make_member

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

CHANGELIST = "admin:auth_user_changelist"


def add_members(count: int) -> None:
    for _ in range(count):
        make_member(make_agency(), make_agency())


def test_it_lists_people_with_their_agencies_and_role(secretariat_client, member_a):
    response = secretariat_client.get(reverse(CHANGELIST))
    page = response.content.decode()
    assert member_a.email in page
    assert "AGA" in page
    assert response.context["cl"].list_display[1:] == [
        "email",
        "full_name",
        "agency_list",
        "secretariat",
        "last_login",
    ]


def test_it_lists_30_people_in_as_many_queries_as_3(secretariat_client, django_assert_num_queries):
    add_members(3)
    with CaptureQueriesContext(connection) as small:
        secretariat_client.get(reverse(CHANGELIST))
    add_members(27)
    with django_assert_num_queries(len(small.captured_queries)):
        response = secretariat_client.get(reverse(CHANGELIST))
    assert response.context["cl"].result_count >= 30


def test_it_links_the_invite_page_from_the_list(secretariat_client):
    response = secretariat_client.get(reverse(CHANGELIST))
    assert reverse("admin:auth_user_invite") in response.content.decode()


def change_form_data(user: User, agencies: list[int]) -> dict:
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "is_active": "on",
        "date_joined_0": "2024-01-01",
        "date_joined_1": "10:00:00",
        "profile-TOTAL_FORMS": "1",
        "profile-INITIAL_FORMS": "1",
        "profile-MIN_NUM_FORMS": "0",
        "profile-MAX_NUM_FORMS": "1",
        "profile-0-id": user.profile.pk,
        "profile-0-user": user.pk,
        "profile-0-language": "fr",
        "profile-0-agency_list": agencies,
    }


def test_it_shows_a_persons_agencies_on_their_page(secretariat_client, member_a, agency_a):
    response = secretariat_client.get(reverse("admin:auth_user_change", args=[member_a.pk]))
    form = response.context["inline_admin_formsets"][0].formset.forms[0]
    assert list(form["agency_list"].initial) == [agency_a.pk]
    assert "AGA" in response.content.decode()


def test_it_edits_a_persons_agencies_and_language(superuser_client, member_a, agency_b):
    url = reverse("admin:auth_user_change", args=[member_a.pk])
    response = superuser_client.post(url, change_form_data(member_a, [agency_b.pk]))
    assert response.status_code == 302, response.context["adminform"].form.errors
    member_a.profile.refresh_from_db()
    assert list(member_a.profile.agencies.all()) == [agency_b]
    assert member_a.profile.language == "fr"


def test_it_keeps_superuser_powers_away_from_the_secretariat(secretariat_client, member_a):
    url = reverse("admin:auth_user_change", args=[member_a.pk])
    data = {**change_form_data(member_a, []), "is_superuser": "on", "is_staff": "on"}
    secretariat_client.post(url, data)
    member_a.refresh_from_db()
    assert member_a.is_staff
    assert not member_a.is_superuser


def test_it_keeps_superusers_out_of_the_secretariats_reach(secretariat_client, superuser):
    url = reverse("admin:auth_user_password_change", args=[superuser.pk])
    response = secretariat_client.post(
        url, {"password1": "x-Hijack-1234", "password2": "x-Hijack-1234"}
    )
    assert response.status_code == 403
    assert User.objects.get(pk=superuser.pk).check_password("test-password-123")


def test_it_resends_a_fresh_link_that_replaces_the_old_one(secretariat_client, client, mailoutbox):
    user = invitations.invite(invitations.Invitee(email="bo@example.org", first_name="Bo"))
    old_link = link_path(mailoutbox[0])
    secretariat_client.post(
        reverse(CHANGELIST), {"action": "resend_invitation", "_selected_action": [user.pk]}
    )
    new_link = link_path(mailoutbox[1])
    assert client.get(old_link).status_code == 400
    assert client.get(new_link).status_code == 200


def test_it_resends_no_invitation_to_someone_who_logged_in(
    secretariat_client, member_a, mailoutbox
):
    User.objects.filter(pk=member_a.pk).update(last_login="2024-01-01T00:00Z")
    response = secretariat_client.post(
        reverse(CHANGELIST),
        {"action": "resend_invitation", "_selected_action": [member_a.pk]},
        follow=True,
    )
    assert mailoutbox == []
    assert "already logged in" in response.content.decode()
