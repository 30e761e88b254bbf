"""The API reads decisions with the pages' rights."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _ids(client, path: str) -> set:
    response = client.get(f"/api/v1/{path}/")
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_anonymous_reads_only_what_is_public(coalition):
    anonymous = Client()
    assert _ids(anonymous, "decisions") == {coalition.public.pk}
    assert _ids(anonymous, "meetings") == {coalition.public_meeting.pk}
    assert _ids(anonymous, "action-points") == set()
    assert _ids(anonymous, "documents") == {
        coalition.documents.public.pk,
        coalition.documents.country.pk,
    }
    assert len(_ids(anonymous, "country-statuses")) == 1


def test_members_read_the_members_part_but_not_another_agencys_document(member_b_client, coalition):
    assert _ids(member_b_client, "decisions") == {coalition.public.pk, coalition.private.pk}
    assert _ids(member_b_client, "action-points") == {
        coalition.action_a.pk,
        coalition.action_b.pk,
    }
    assert coalition.documents.agency.pk not in _ids(member_b_client, "documents")
    assert coalition.documents.members.pk in _ids(member_b_client, "documents")
    meeting = member_b_client.get(f"/api/v1/meetings/{coalition.meeting.pk}/").json()
    assert len(meeting["decisions"]) == 2


def test_a_private_meeting_is_a_404_for_anonymous(coalition):
    assert Client().get(f"/api/v1/meetings/{coalition.meeting.pk}/").status_code == 404
