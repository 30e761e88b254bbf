import pytest
from django.urls import reverse

from activities.models import Role, RoleProposal
from tests.factories import make_focal_point
from tests.members.helpers import form_data

pytestmark = pytest.mark.postgres


def _url(activity):
    return reverse("activities:activity_edit", kwargs={"pk": activity.pk})


def test_it_saves_an_edit_and_says_so(member_a_client, activity_a):
    data = form_data(member_a_client.get(_url(activity_a)))
    response = member_a_client.post(
        _url(activity_a), {**data, "title": "Costing, phase 2"}, follow=True
    )
    activity_a.refresh_from_db()
    assert activity_a.title == "Costing, phase 2"
    assert "Saved “Costing, phase 2”." in response.content.decode()


def test_it_adds_a_partner_agency_and_a_focal_point(member_a_client, activity_a, agency_b):
    person = make_focal_point(agency_b, name="Ana Lima")
    data = form_data(member_a_client.get(_url(activity_a)))
    data.update({"agencies-1-agency": "agb", "agencies-1-role": Role.PARTNER})
    member_a_client.post(_url(activity_a), {**data, "focal_point": "Ana Lima (AGB)"})
    activity_a.refresh_from_db()
    assert activity_a.focal_point == person
    assert {p.agency.acronym: p.role for p in activity_a.participations.all()} == {
        "AGA": "lead",
        "AGB": "partner",
    }


def test_it_proposes_the_lead_to_another_agency(member_a_client, activity_a, agency_b):
    """Handing the lead to another agency is a proposal it confirms (agreed roles)."""
    data = form_data(member_a_client.get(_url(activity_a)))
    data.update(
        {"agencies-0-role": Role.PARTNER, "agencies-1-agency": "AGB", "agencies-1-role": Role.LEAD}
    )
    response = member_a_client.post(_url(activity_a), data, follow=True)
    roles = {p.agency.acronym: p.role for p in activity_a.participations.all()}
    assert roles == {"AGA": "partner"}
    proposal = RoleProposal.objects.get(activity=activity_a)
    assert (proposal.agency, proposal.role, proposal.state) == (agency_b, Role.LEAD, "pending")
    assert "AGB is asked to agree to be lead" in response.content.decode()


def test_it_refuses_to_drop_the_members_own_agency(member_a_client, activity_a, agency_b):
    data = form_data(member_a_client.get(_url(activity_a)))
    data.update({"agencies-0-DELETE": "on", "agencies-1-agency": "AGB"})
    response = member_a_client.post(_url(activity_a), data)
    assert list(activity_a.participations.values_list("agency__acronym", flat=True)) == ["AGA"]
    assert "One of your agencies (AGA) must take part" in response.content.decode()


def test_it_lets_the_secretariat_drop_any_agency(secretariat_client, activity_a, agency_b):
    data = form_data(secretariat_client.get(_url(activity_a)))
    data.update({"agencies-0-DELETE": "on", "agencies-1-agency": "AGB"})
    secretariat_client.post(_url(activity_a), data)
    assert list(activity_a.participations.values_list("agency__acronym", flat=True)) == ["AGB"]


def test_it_names_the_focal_point_it_did_not_recognise(member_a_client, activity_a):
    data = form_data(member_a_client.get(_url(activity_a)))
    response = member_a_client.post(_url(activity_a), {**data, "focal_point": "Nobody Known"})
    assert "No focal point called “Nobody Known”" in response.content.decode()
    assert response.context["form"].has_error("focal_point")


def test_it_refuses_a_forged_post_for_another_agencys_activity(member_b_client, activity_a):
    data = {"title": "Hijacked", "country": "VN", "version": 1, "activity_type": "costing"}
    response = member_b_client.post(_url(activity_a), data)
    activity_a.refresh_from_db()
    assert response.status_code == 403
    assert (activity_a.title, activity_a.version) == ("Costing the floor", 1)


def test_it_refuses_an_edit_without_its_version(member_a_client, activity_a):
    data = form_data(member_a_client.get(_url(activity_a)))
    data.pop("version")
    response = member_a_client.post(_url(activity_a), {**data, "title": "No version"})
    activity_a.refresh_from_db()
    assert activity_a.title == "Costing the floor"
    assert "missing the version" in response.content.decode()
