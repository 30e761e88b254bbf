"""Every member page and action, for every persona: who gets in, who is refused (and then
nothing changes)."""

import pytest
from django.urls import reverse

from activities.models import Activity
from agencies.models import FocalPoint
from tests.factories import make_focal_point

pytestmark = pytest.mark.postgres

# persona -> expected status on A's activity (302 for anonymous: to the login page).
ON_A = {
    "anonymous": 302,
    "viewer": 403,
    "member_a": "ok",
    "member_b": 403,
    "secretariat": "ok",
    "superuser": "ok",
}
# Pages that are not about one agency's row: any member may use them.
ANY_MEMBER = {**ON_A, "member_b": "ok"}
LOGGED_IN = {**ANY_MEMBER, "viewer": "ok"}

QUICK = {"status": "suspended", "start_date": "", "end_date": "", "version": 1}
EDIT = {"title": "Changed", "country": "VN", "activity_type": "costing", "version": 1}
FOCAL = {"agency": "", "name": "Changed", "level": "global", "country": "", "region": ""}

ACTIONS = [
    # (name, method, url name, kwargs key, data, expectations)
    ("my rows of A", "get", "activities:my_rows", None, None, ON_A),
    ("quick edit", "post", "activities:quick_edit", "activity", QUICK, ON_A),
    ("add page", "get", "activities:activity_add", None, None, ANY_MEMBER),
    ("edit page", "get", "activities:activity_edit", "activity", None, ON_A),
    ("edit", "post", "activities:activity_edit", "activity", EDIT, ON_A),
    ("duplicate page", "get", "activities:activity_duplicate", "activity", None, ON_A),
    ("duplicate", "post", "activities:activity_duplicate", "activity", {"version": 1}, ON_A),
    ("close page", "get", "activities:activity_close", "activity", None, ON_A),
    ("close", "post", "activities:activity_close", "activity", {"version": 1}, ON_A),
    ("delete page", "get", "activities:activity_delete", "activity", None, ON_A),
    ("delete", "post", "activities:activity_delete", "activity", {"version": 1}, ON_A),
    ("focal point add page", "get", "agencies:focal_point_add", None, None, ANY_MEMBER),
    ("focal point edit page", "get", "agencies:focal_point_edit", "person", None, ON_A),
    ("focal point edit", "post", "agencies:focal_point_edit", "person", FOCAL, ON_A),
    ("focal point options", "get", "activities:focal_point_options", None, None, LOGGED_IN),
]

CASES = [
    pytest.param(persona, action, id=f"{action[0]}-{persona}")
    for action in ACTIONS
    for persona in ON_A
]


def _snapshot(activity, person):
    return (
        Activity.objects.count(),
        Activity.objects.filter(pk=activity.pk).values_list("version", "title").first(),
        FocalPoint.objects.filter(pk=person.pk).values_list("name", flat=True).first(),
    )


@pytest.mark.parametrize(("persona_client", "action"), CASES, indirect=["persona_client"])
def test_it_lets_in_or_refuses_each_persona(persona_client, action, request, activity_a, agency_a):
    _name, method, url_name, key, data, expectations = action
    person = make_focal_point(agency_a, name="Kept")
    objects = {"activity": activity_a, "person": person}
    url = reverse(url_name, kwargs={"pk": objects[key].pk} if key else None)
    if url_name == "activities:my_rows":
        url += "?agency=AGA"
    persona = request.node.callspec.params["persona_client"]
    expected = expectations[persona]
    before = _snapshot(activity_a, person)

    if data is not None and key == "person":
        data = {**data, "agency": agency_a.pk}
    response = getattr(persona_client, method)(url, data or {})

    if expected == "ok":
        assert response.status_code in (200, 302)
        assert "/accounts/login/" not in response.get("Location", "")
    elif expected == 302:
        assert "/accounts/login/" in response["Location"]
        assert _snapshot(activity_a, person) == before
    else:
        assert response.status_code == expected
        assert _snapshot(activity_a, person) == before
