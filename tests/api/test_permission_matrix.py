"""Every endpoint, for every persona, with and without a token: who gets an answer, and who
gets contact fields. A wrong token is a 401 (never a quiet anonymous answer)."""

import pytest
from django.urls import reverse

from tests.api.conftest import TOKEN_PERSONAS

pytestmark = pytest.mark.django_db

# (persona, status, sees contacts)
OUTCOMES = {
    "anonymous": (200, False),
    "bad_token": (401, False),
    "viewer": (200, True),
    "member_a": (200, True),
    "secretariat": (200, True),
    "superuser": (200, True),
}
# (URL name, its arguments, whether it carries a focal point's contact)
ENDPOINTS = [
    ("api:activity-list", lambda w: [], True),
    ("api:activity-detail", lambda w: [w.costing.reference], True),
    ("api:country-list", lambda w: [], False),
    ("api:country-detail", lambda w: ["VN"], False),
    ("api:agency-list", lambda w: [], False),
    ("api:agency-detail", lambda w: ["aga"], False),
    ("api:focal-point-list", lambda w: [], True),
    ("api:focal-point-detail", lambda w: [w.person.pk], True),
    ("api:deliverable-list", lambda w: [], False),
    ("api:deliverable-detail", lambda w: [w.deliverable.pk], False),
    ("api:step-list", lambda w: [], False),
    ("api:step-detail", lambda w: [w.step.pk], False),
    ("api:contribution-list", lambda w: [], False),
    ("api:contribution-detail", lambda w: [w.contribution.pk], False),
    ("api:tool-list", lambda w: [], False),
    ("api:tool-detail", lambda w: [w.costing.tools_used.get().pk], False),
    ("api:data-set-list", lambda w: [], False),
    ("api:data-set-detail", lambda w: [w.data_set.pk], False),
    ("api:process-list", lambda w: [], False),
    ("api:process-detail", lambda w: [w.process.pk], False),
    ("api:outreach-list", lambda w: [], False),
    ("api:outreach-detail", lambda w: [w.material.pk], False),
    ("api:indicator-list", lambda w: [], False),
    ("api:indicator-detail", lambda w: ["SDG-1.3.1"], False),
    ("api:result-value-list", lambda w: [], False),
    ("api:result-value-detail", lambda w: [w.approved_value.pk], False),
    ("api:milestone-list", lambda w: [], False),
    ("api:milestone-detail", lambda w: [w.milestone.pk], False),
    ("api:coverage-figure-list", lambda w: [], False),
    ("api:coverage-figure-detail", lambda w: [w.figure.pk], False),
    ("api:country-workplan-list", lambda w: [], False),
    ("api:country-workplan-detail", lambda w: ["VN"], False),
]
TABLE = [(p, *endpoint) for p in TOKEN_PERSONAS for endpoint in ENDPOINTS]


@pytest.mark.parametrize(
    ("persona_api", "name", "args", "has_contacts"),
    TABLE,
    indirect=["persona_api"],
    ids=[f"{row[0]}-{row[1]}" for row in TABLE],
)
def test_it_answers_each_persona_on_each_endpoint(
    request, persona_api, coalition, name, args, has_contacts
):
    persona = request.node.callspec.params["persona_api"]
    status, sees_contacts = OUTCOMES[persona]
    response = persona_api.get(reverse(name, args=args(coalition)))
    assert response.status_code == status
    assert ("lan@a.example.org" in response.content.decode()) is (sees_contacts and has_contacts)


FOCAL_POINT_URLS = [
    ("api:focal-point-detail", lambda w: [w.person.pk]),
    ("api:activity-detail", lambda w: [w.costing.reference]),
]


@pytest.mark.parametrize(("name", "args"), FOCAL_POINT_URLS)
def test_it_gives_a_null_contact_without_a_token(api_client, coalition, name, args):
    body = api_client.get(reverse(name, args=args(coalition))).json()
    person = body.get("focal_point") or body
    assert person["name"] == "Nguyen Thi Lan"
    assert person["contact"] is None


@pytest.mark.parametrize(("name", "args"), FOCAL_POINT_URLS)
def test_it_gives_the_contact_with_a_token(viewer_api, coalition, name, args):
    body = viewer_api.get(reverse(name, args=args(coalition))).json()
    person = body.get("focal_point") or body
    assert person["contact"] == {"email": "lan@a.example.org", "phone": coalition.person.phone}


def test_it_asks_for_a_token_on_a_private_site(settings, api_client, viewer_api, coalition):
    settings.SPF_PRIVATE_SITE = True
    url = reverse("api:activity-list")
    assert api_client.get(url).status_code == 401
    assert viewer_api.get(url).status_code == 200


def test_it_names_the_token_scheme_in_a_401(api_client, coalition):
    api_client.credentials(HTTP_AUTHORIZATION="Token wrong")
    response = api_client.get(reverse("api:activity-list"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


# Funding amounts: coalition members, the secretariat and superusers (funding.see_amounts).
SEES_AMOUNTS = {
    "anonymous": False,
    "viewer": False,
    "member_a": True,
    "secretariat": True,
    "superuser": True,
}


@pytest.mark.parametrize("persona_api", list(SEES_AMOUNTS), indirect=True)
def test_it_gives_funding_amounts_only_to_members(request, persona_api, coalition):
    persona = request.node.callspec.params["persona_api"]
    url = reverse("api:contribution-detail", args=[coalition.contribution.pk])
    body = persona_api.get(url).json()
    assert body["partner"] == "AGB"
    expected = ("1234567.89", "EUR") if SEES_AMOUNTS[persona] else (None, None)
    assert (body["amount"], body["currency"]) == expected


# Results: drafts for the secretariat and the members of the activity's agencies only (the
# draft is agency B's activity's); anyone else gets a 404 for it, not a 403.
SEES_DRAFT = {
    "anonymous": False,
    "viewer": False,
    "member_a": False,
    "secretariat": True,
    "superuser": True,
}


@pytest.mark.parametrize("persona_api", list(SEES_DRAFT), indirect=True)
def test_it_gives_draft_values_only_to_those_who_may_see_them(request, persona_api, coalition):
    persona = request.node.callspec.params["persona_api"]
    listed = persona_api.get(reverse("api:result-value-list")).json()["results"]
    ids = {row["id"] for row in listed}
    assert coalition.approved_value.pk in ids
    assert (coalition.draft_value.pk in ids) is SEES_DRAFT[persona]
    detail = persona_api.get(reverse("api:result-value-detail", args=[coalition.draft_value.pk]))
    assert detail.status_code == (200 if SEES_DRAFT[persona] else 404)


def test_a_member_of_the_activity_s_agency_sees_its_draft(member_b, coalition):
    from tests.api.conftest import token_client

    listed = token_client(member_b).get(reverse("api:result-value-list")).json()["results"]
    assert coalition.draft_value.pk in {row["id"] for row in listed}
