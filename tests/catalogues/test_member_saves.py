"""What a member's catalogue form saves: in their agency's name only, with its history."""

import pytest
from django.urls import reverse

from activities.models import Tool
from catalogues.models import Access, DataSet

pytestmark = pytest.mark.django_db

ADD_TOOL = reverse("catalogues:add", args=["tools"])


def tool_data(owner) -> dict:
    data = {
        "name": "Fiscal space handbook",
        "name_fr": "Guide de l'espace budgétaire",
        "name_es": "",
        "owner": owner.pk,
        "purpose": "fiscal-space",
        "languages": ["en", "fr"],
    }
    return data


def test_it_adds_a_tool_for_the_members_agency(member_a_client, agency_a):
    response = member_a_client.post(ADD_TOOL, tool_data(agency_a))
    assert response.status_code == 302
    tool = Tool.objects.get(name="Fiscal space handbook")
    assert (tool.owner, tool.name_fr) == (agency_a, "Guide de l'espace budgétaire")


def test_it_refuses_an_owner_that_is_not_the_members_agency(member_a_client, agency_b):
    response = member_a_client.post(ADD_TOOL, tool_data(agency_b))
    assert response.status_code == 200
    assert "owner" in response.context["form"].errors
    assert not Tool.objects.exists()


def test_it_wants_an_owner_from_a_member(member_a_client, agency_a):
    response = member_a_client.post(ADD_TOOL, tool_data(agency_a) | {"owner": ""})
    assert "owner" in response.context["form"].errors


def test_it_lets_the_secretariat_give_any_owner(secretariat_client, agency_b):
    secretariat_client.post(ADD_TOOL, tool_data(agency_b))
    assert Tool.objects.get().owner == agency_b


def test_it_keeps_the_history_of_an_edit_with_who_made_it(member_a_client, member_a, agency_a):
    data_set = DataSet.objects.create(name="WSPDB", owner=agency_a, access=Access.DOWNLOAD)
    url = reverse("catalogues:edit", args=["data", data_set.pk])
    data = {
        "name": "WSPDB",
        "definition_es": "Base de datos",
        "owner": agency_a.pk,
        "access": "api",
    }
    assert member_a_client.post(url, data).status_code == 302
    latest = data_set.history.latest()
    assert (latest.definition_es, latest.access, latest.history_user) == (
        "Base de datos",
        "api",
        member_a,
    )


def test_it_shows_edit_links_only_on_the_members_entries(member_b_client, agency_a, agency_b):
    mine = Tool.objects.create(name="Mine", owner=agency_b)
    theirs = Tool.objects.create(name="Theirs", owner=agency_a)
    page = member_b_client.get(reverse("catalogues:tools")).content.decode()
    assert reverse("catalogues:edit", args=["tools", mine.pk]) in page
    assert reverse("catalogues:edit", args=["tools", theirs.pk]) not in page
