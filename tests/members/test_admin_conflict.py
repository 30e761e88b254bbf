import pytest
from django.urls import reverse

from tests.factories import make_secretariat
from tests.members.helpers import form_data, logged_in

pytestmark = pytest.mark.postgres

FORM = '//form[@id="activity_form"]'


def _two_admin_saves(superuser, activity_a):
    first, second = logged_in(superuser), logged_in(make_secretariat())
    url = reverse("admin:activities_activity_change", args=[activity_a.pk])
    data_1 = form_data(first.get(url), FORM)
    data_2 = form_data(second.get(url), FORM)
    saved = first.post(url, {**data_1, "title": "Admin first"})
    assert saved.status_code == 302
    return second.post(url, {**data_2, "title": "Admin second"})


def test_it_refuses_the_second_admin_save(superuser, activity_a):
    response = _two_admin_saves(superuser, activity_a)
    activity_a.refresh_from_db()
    assert response.status_code == 200
    assert (activity_a.title, activity_a.version) == ("Admin first", 2)


def test_it_shows_the_conflict_as_a_form_error(superuser, activity_a):
    response = _two_admin_saves(superuser, activity_a)
    errors = response.context["adminform"].form.non_field_errors()
    assert "“Costing the floor” → “Admin first” (root)" in errors[0]


def test_it_saves_a_single_admin_edit(superuser_client, activity_a):
    url = reverse("admin:activities_activity_change", args=[activity_a.pk])
    data = form_data(superuser_client.get(url), FORM)
    superuser_client.post(url, {**data, "title": "Alone"})
    activity_a.refresh_from_db()
    assert (activity_a.title, activity_a.version) == ("Alone", 2)
