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


def _plan(client) -> dict:
    response = client.get("/api/v1/country-workplans/VN/")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def outputs(coalition, agency_a):
    """The deliverable's outputs, one of each visibility."""
    from decisions.models import Visibility
    from tests.decisions.conftest import add_document

    deliverable = coalition.deliverable
    return {
        "public": add_document("Assessment report", Visibility.PUBLIC, deliverable=deliverable),
        "members": add_document("Draft for members", Visibility.MEMBERS, deliverable=deliverable),
        "agency": add_document(
            "Agency A's notes", Visibility.AGENCY, deliverable=deliverable, agency=agency_a
        ),
    }


def test_a_joint_workplan_has_its_deliverables_steps_leads_rows_and_progress(coalition):
    coalition.deliverable.progress = 40
    coalition.deliverable.save()
    plan = _plan(Client())
    assert (plan["code"], plan["alpha3"], plan["status"]) == ("VN", "VNM", "selected")
    assert plan["status_since"] == "2012-02-10"
    [deliverable] = plan["deliverables"]
    assert deliverable["id"] == coalition.deliverable.pk
    assert deliverable["title"] == "Joint SPF assessment in Viet Nam"
    assert deliverable["progress"] == 40
    assert deliverable["lead_agencies"] == [coalition.action_a.owner_agency.acronym]
    assert [step["title"] for step in deliverable["steps"]] == ["Assessment report"]
    assert deliverable["activities"] == [coalition.activity.reference]


# Which outputs each persona reads: the documents' own rule (Document.objects.visible_to).
OUTPUTS_SEEN = {
    "anonymous": {"public"},
    "viewer": {"public"},
    "member_a": {"public", "members", "agency"},
    "member_b": {"public", "members"},
    "secretariat": {"public", "members", "agency"},
    "superuser": {"public", "members", "agency"},
}


@pytest.mark.parametrize("persona", list(OUTPUTS_SEEN))
def test_each_persona_reads_the_outputs_it_may_read(request, persona, coalition, outputs):
    client = request.getfixturevalue(f"{persona}_client") if persona != "anonymous" else Client()
    [deliverable] = _plan(client)["deliverables"]
    seen = {output["id"] for output in deliverable["outputs"]}
    assert seen == {outputs[kind].pk for kind in OUTPUTS_SEEN[persona]}


def test_a_candidate_status_is_for_members_only(member_b_client, coalition):
    import datetime

    from decisions.models import CountryStatus, Status

    CountryStatus.objects.create(
        country=coalition.vn, status=Status.CANDIDATE, since=datetime.date(2013, 1, 1)
    )
    assert _plan(member_b_client)["status"] == "candidate"
    assert _plan(Client())["status"] == "selected"


def test_a_country_without_a_joint_workplan_is_a_404(coalition):
    from tests.factories import make_country

    make_country("MZ")
    assert Client().get("/api/v1/country-workplans/MZ/").status_code == 404
    listed = Client().get("/api/v1/country-workplans/").json()["results"]
    assert [plan["code"] for plan in listed] == ["VN"]


def test_the_anonymous_answer_says_what_the_anonymous_country_page_shows(coalition, outputs):
    """Every value of the plan the API gives anonymous is on the anonymous page, and what the
    page keeps from anonymous (members' outputs) is in neither."""
    anonymous = Client()
    page = anonymous.get("/countries/VN/").content.decode()
    plan = _plan(anonymous)
    shown = []
    for deliverable in plan["deliverables"]:
        shown += [deliverable["title"], *deliverable["lead_agencies"], *deliverable["activities"]]
        shown += [step["title"] for step in deliverable["steps"]]
        shown += [output["title"] for output in deliverable["outputs"]]
    assert [value for value in shown if value not in page] == []
    for kind in ("members", "agency"):
        title = outputs[kind].title.replace("'", "&#x27;")
        assert title not in page and outputs[kind].title not in str(plan)


def test_the_list_costs_the_same_queries_for_a_small_and_a_large_plan(
    django_assert_num_queries, coalition, outputs
):
    from tests.decisions.test_country_page import _grow_plan

    url = "/api/v1/country-workplans/"
    client = Client()
    client.get(url)
    # The count, countries, their plans, deliverables, leads, steps, outputs, matrix rows and
    # statuses.
    with django_assert_num_queries(9):
        small = client.get(url).json()
    _grow_plan(coalition, 12)
    with django_assert_num_queries(9):
        large = client.get(url).json()
    assert len(small["results"][0]["deliverables"]) == 1
    assert len(large["results"][0]["deliverables"]) == 13
