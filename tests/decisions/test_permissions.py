"""Who reaches what: every page, download and document address of the decisions app, for each
persona. Something the person may not know exists is a 404 (a members-only meeting, a
private document's guessed address); something they see but may not change is a 403."""

import pytest
from django.urls import reverse

from tests.outcomes import LOGIN, MEMBERS_AND_SECRETARIAT, outcome

EVERYONE = [(name, 200) for name in ("anonymous", "viewer", "member_a", "member_b")] + [
    ("secretariat", 200),
    ("superuser", 200),
]
# Hidden from whoever is not in the coalition (a 404), open to both agencies' members.
COALITION = [
    ("anonymous", 404),
    ("viewer", 404),
    ("member_a", 200),
    ("member_b", 200),
    ("secretariat", 200),
    ("superuser", 200),
]
# Agency A's to change: B's member sees it exists (403), outsiders do not (login or 404).
AGENCY_A_TO_CHANGE = [
    ("anonymous", LOGIN),
    ("viewer", 404),
    ("member_a", 200),
    ("member_b", 403),
    ("secretariat", 200),
    ("superuser", 200),
]
# Agency A's private document: nobody else learns it exists.
AGENCY_A_ONLY = [
    ("anonymous", 404),
    ("viewer", 404),
    ("member_a", 200),
    ("member_b", 404),
    ("secretariat", 200),
    ("superuser", 200),
]
ADDING_TO_COALITION = [
    ("anonymous", LOGIN),
    ("viewer", 404),
    ("member_a", 200),
    ("member_b", 200),
    ("secretariat", 200),
    ("superuser", 200),
]
ADDING_TO_COUNTRY = [
    ("anonymous", LOGIN),
    ("viewer", 403),
    ("member_a", 200),
    ("member_b", 200),
    ("secretariat", 200),
    ("superuser", 200),
]


def _pages(c):
    """(name, url, expected) for each address, built from the coalition's objects."""
    add = reverse("decisions:document_add")
    doc = lambda d: reverse("decisions:document", args=[d.pk])  # noqa: E731
    return [
        ("log", reverse("decisions:log"), EVERYONE),
        ("log csv", reverse("decisions:log") + "?format=csv", EVERYONE),
        ("feed", reverse("decisions:feed"), EVERYONE),
        ("meetings", reverse("decisions:meetings"), EVERYONE),
        ("meetings xlsx", reverse("decisions:meetings") + "?format=xlsx", EVERYONE),
        ("members' meeting", reverse("decisions:meeting", args=[c.meeting.pk]), COALITION),
        ("public meeting", reverse("decisions:meeting", args=[c.public_meeting.pk]), EVERYONE),
        ("action points", reverse("decisions:actions"), MEMBERS_AND_SECRETARIAT),
        ("action points ods", reverse("decisions:actions") + "?format=ods", MEMBERS_AND_SECRETARIAT),  # noqa: E501
        ("update A's action", reverse("decisions:action_update", args=[c.action_a.pk]), AGENCY_A_TO_CHANGE),  # noqa: E501
        ("add to members' meeting", f"{add}?meeting={c.meeting.pk}", ADDING_TO_COALITION),
        ("add to public meeting", f"{add}?meeting={c.public_meeting.pk}", ADDING_TO_COUNTRY),
        ("add to A's action", f"{add}?action={c.action_a.pk}", AGENCY_A_TO_CHANGE),
        ("add to A's deliverable", f"{add}?deliverable={c.deliverable.pk}", AGENCY_A_TO_CHANGE),
        ("add to a country", f"{add}?country=VN", ADDING_TO_COUNTRY),
        ("progress of A's deliverable", reverse("decisions:progress", args=[c.deliverable.pk]), AGENCY_A_TO_CHANGE),  # noqa: E501
        ("public document", doc(c.documents.public), EVERYONE),
        ("members' document", doc(c.documents.members), COALITION),
        ("agency A's document", doc(c.documents.agency), AGENCY_A_ONLY),
        ("country page", reverse("countries:detail", args=["VN"]), EVERYONE),
    ]  # fmt: skip


PAGE_NAMES = [
    "log", "log csv", "feed", "meetings", "meetings xlsx", "members' meeting", "public meeting",
    "action points", "action points ods", "update A's action", "add to members' meeting",
    "add to public meeting", "add to A's action", "add to A's deliverable", "add to a country",
    "progress of A's deliverable", "public document", "members' document",
    "agency A's document", "country page",
]  # fmt: skip
PERSONAS = ("anonymous", "viewer", "member_a", "member_b", "secretariat", "superuser")


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
@pytest.mark.parametrize("page", PAGE_NAMES)
def test_each_persona_reaches_what_it_may(page, persona_client, request, coalition):
    persona = request.node.callspec.params["persona_client"]
    url, table = next((url, table) for name, url, table in _pages(coalition) if name == page)
    expected = dict(table)[persona]
    assert outcome(persona_client.get(url)) == expected, (page, persona)


REMOVE_A_DOCUMENT = [
    ("anonymous", LOGIN),
    ("viewer", 404),
    ("member_a", 200),
    ("member_b", 404),
    ("secretariat", 200),
    ("superuser", 200),
]


@pytest.mark.parametrize(
    ("persona_client", "expected"), REMOVE_A_DOCUMENT, indirect=["persona_client"]
)
def test_removing_agency_a_document(persona_client, expected, coalition):
    from decisions.models import Document

    url = reverse("decisions:document_remove", args=[coalition.documents.agency.pk])
    response = persona_client.post(url)
    assert outcome(response) == expected
    assert Document.objects.filter(pk=coalition.documents.agency.pk).exists() == (expected != 200)


def test_member_b_may_not_remove_a_members_document_of_agency_a(member_b_client, coalition):
    """B sees the members' document (it is for every member) but did not add it: a 403."""
    from decisions.models import Document

    document = coalition.documents.members
    Document.objects.filter(pk=document.pk).update(agency=coalition.action_a.owner_agency)
    response = member_b_client.post(reverse("decisions:document_remove", args=[document.pk]))
    assert response.status_code == 403


ADMIN_PAGES = [
    "admin:decisions_meeting_changelist",
    "admin:decisions_meeting_add",
    "admin:decisions_decision_changelist",
    "admin:decisions_actionpoint_changelist",
    "admin:decisions_document_changelist",
    "admin:decisions_countrystatus_changelist",
    "admin:decisions_countrystatus_add",
    "admin:workplan_deliverable_add",
]
ADMIN = [
    ("anonymous", "admin-login"),
    ("viewer", "admin-login"),
    ("member_a", "admin-login"),
    ("member_b", "admin-login"),
    ("secretariat", 200),
    ("superuser", 200),
]


@pytest.mark.parametrize("name", ADMIN_PAGES)
@pytest.mark.parametrize(("persona_client", "expected"), ADMIN, indirect=["persona_client"])
def test_the_secretariat_records_in_the_admin(persona_client, expected, name, coalition):
    response = persona_client.get(reverse(name))
    if expected == "admin-login":
        assert response.status_code == 302 and "/admin/login/" in response.url
    else:
        assert response.status_code == expected


def test_the_admin_meeting_page_of_a_recorded_meeting_opens(secretariat_client, coalition):
    url = reverse("admin:decisions_meeting_change", args=[coalition.meeting.pk])
    assert secretariat_client.get(url).status_code == 200


def test_an_unknown_participant_is_refused_by_name(coalition):
    from decisions.admin import MeetingForm

    form = MeetingForm(
        {
            "title": "Board",
            "kind": "board",
            "date": "2012-03-01",
            "language": "en",
            "people": ["999999"],
            "agencies": ["888888"],
        }
    )
    assert not form.is_valid()
    assert form.errors["people"] == [
        "999999 is not a person the hub knows: add them as a focal point of their agency first."
    ]
    assert form.errors["agencies"] == [
        "888888 is not an agency the hub knows: add the agency first."
    ]
