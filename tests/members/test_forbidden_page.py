"""A member who forges a request for another agency's row is told plainly why not."""

import pytest
from django.urls import reverse

from activities.models import Activity

pytestmark = pytest.mark.postgres

EDIT = {"title": "Forged", "country": "VN", "activity_type": "costing", "version": 1}


def test_it_refuses_a_forged_edit_with_the_reason(member_b_client, activity_a):
    url = reverse("activities:activity_edit", kwargs={"pk": activity_a.pk})
    response = member_b_client.post(url, EDIT)
    assert response.status_code == 403
    assert "none of your agencies takes part in it" in response.content.decode()


def test_it_leaves_the_row_as_it_was(member_b_client, activity_a):
    url = reverse("activities:activity_edit", kwargs={"pk": activity_a.pk})
    member_b_client.post(url, EDIT)
    assert Activity.objects.get(pk=activity_a.pk).title == "Costing the floor"


def test_it_explains_a_refusal_raised_as_permission_denied(member_b_client, activity_a):
    # The restore view raises PermissionDenied: Django then renders templates/403.html.
    url = reverse("activities:restore", kwargs={"reference": activity_a.reference})
    response = member_b_client.post(url, {"history_id": 1, "version": 1})
    assert response.status_code == 403
    assert "Members can change only the rows of their own agency." in response.content.decode()


def test_it_adds_the_views_own_reason_to_the_shared_page(member_b_client, activity_a):
    url = reverse("activities:restore", kwargs={"reference": activity_a.reference})
    html = member_b_client.post(url, {"history_id": 1, "version": 1}).content.decode()
    assert "Only the secretariat restores earlier versions." in html
    assert "Back to the matrix" in html
