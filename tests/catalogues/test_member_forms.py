"""Members add and edit their own agencies' catalogue entries on the front end; the
secretariat, everyone's. Another agency's entry is a 403 that says why (the lists are public:
its existence is no secret)."""

import pytest
from django.urls import reverse

from activities.models import Tool
from catalogues.models import Access, Audience, DataSet, MaterialFormat, OutreachMaterial
from tests.outcomes import AGENCY_A_AND_SECRETARIAT, MEMBERS_AND_SECRETARIAT, outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(agency_a) -> dict:
    """One entry of each kind, owned by agency A."""
    return {
        "tools": Tool.objects.create(name="Rapid Assessment Protocol", owner=agency_a),
        "data": DataSet.objects.create(name="WSPDB", owner=agency_a, access=Access.DOWNLOAD),
        "outreach": OutreachMaterial.objects.create(
            title="SPF leaflet",
            owner=agency_a,
            audience=Audience.CIVIL_SOCIETY,
            format=MaterialFormat.LEAFLET,
        ),
    }


KINDS = ["tools", "data", "outreach"]
ADD = MEMBERS_AND_SECRETARIAT
EDIT_AGENCY_A_ENTRY = AGENCY_A_AND_SECRETARIAT


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(("persona_client", "expected"), ADD, indirect=["persona_client"])
def test_it_lets_members_and_the_secretariat_add_entries(persona_client, kind, expected):
    response = persona_client.get(reverse("catalogues:add", args=[kind]))
    assert outcome(response) == expected


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize(
    ("persona_client", "expected"), EDIT_AGENCY_A_ENTRY, indirect=["persona_client"]
)
def test_it_lets_only_the_owners_members_and_the_secretariat_edit(
    persona_client, entries, kind, expected
):
    url = reverse("catalogues:edit", args=[kind, entries[kind].pk])
    assert outcome(persona_client.get(url)) == expected
    assert outcome(persona_client.post(url, {})) == expected


def test_it_says_why_another_agencys_entry_is_refused(member_b_client, entries):
    url = reverse("catalogues:edit", args=["tools", entries["tools"].pk])
    response = member_b_client.get(url)
    assert response.status_code == 403
    assert "not a member of AGA" in response.content.decode()


def test_it_answers_404_for_an_unknown_entry_or_catalogue(member_a_client, entries):
    assert (
        member_a_client.get(reverse("catalogues:edit", args=["tools", 999999])).status_code == 404
    )
    assert member_a_client.get(reverse("catalogues:add", args=["processes"])).status_code == 404
