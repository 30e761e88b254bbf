"""Agreed roles: making another agency lead or co-lead, or changing its role, is a proposal
that agency (or the secretariat) accepts or declines; from the form, the import, the row's
page and the agency's checklist."""

import pytest
from django.urls import reverse

from activities.models import Activity, ProposalState, Role, RoleProposal
from activities.services import update_activity
from imports.models import ImportStatus
from tests.factories import make_activity, make_country
from tests.imports.helpers import csv_bytes, run
from tests.members.helpers import form_data
from tests.outcomes import LOGIN, outcome

pytestmark = pytest.mark.postgres

# Answering a proposal made to agency B: its members and the secretariat; 404 for the rest.
ANSWERS_FOR_B = [
    ("anonymous", LOGIN),
    ("viewer", 404),
    ("member_a", 404),
    ("member_b", 200),
    ("secretariat", 200),
    ("superuser", 200),
]


def _roles(activity):
    return dict(activity.participations.values_list("agency__acronym", "role"))


@pytest.fixture
def row(agency_a):
    return make_activity(agencies={agency_a: Role.LEAD}, title="Costing")


@pytest.fixture
def proposal(row, member_a, agency_a, agency_b):
    """Member A asks agency B to co-lead its row."""
    update_activity(member_a, row, row.version, {agency_a: Role.LEAD, agency_b: Role.CO_LEAD})
    return RoleProposal.objects.get()


def test_a_partner_is_added_at_once(row, member_a, agency_a, agency_b):
    update_activity(member_a, row, row.version, {agency_a: Role.LEAD, agency_b: Role.PARTNER})
    assert _roles(row) == {"AGA": "lead", "AGB": "partner"}
    assert not RoleProposal.objects.exists()


def test_a_co_lead_waits_for_the_agencys_agreement(proposal, row):
    assert _roles(row) == {"AGA": "lead"}
    assert (proposal.agency.acronym, proposal.role, proposal.role_before) == ("AGB", "co-lead", "")


def test_changing_another_agencys_role_is_a_proposal(member_a, agency_a, agency_b):
    shared = make_activity(agencies={agency_a: Role.LEAD, agency_b: Role.PARTNER})
    update_activity(member_a, shared, shared.version, {agency_a: Role.LEAD, agency_b: Role.FUNDER})
    assert _roles(shared) == {"AGA": "lead", "AGB": "partner"}
    assert RoleProposal.objects.get().role_before == "partner"


def test_the_secretariat_sets_any_role_directly(row, secretariat, agency_a, agency_b):
    update_activity(secretariat, row, row.version, {agency_a: Role.CO_LEAD, agency_b: Role.LEAD})
    assert _roles(row) == {"AGA": "co-lead", "AGB": "lead"}
    assert not RoleProposal.objects.exists()


@pytest.fixture
def part_b(secretariat, agency_a, agency_b):
    """A round asking agency B."""
    import datetime

    from django.utils import timezone

    from rounds.services import open_round

    update_round = open_round(
        secretariat,
        title="Mid-year",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
        agencies=[agency_b],
    )
    return update_round.parts.get()


def test_the_row_and_the_agencys_checklist_show_the_proposal(
    proposal, row, member_b_client, part_b
):
    page = member_b_client.get(reverse("activities:history", kwargs={"reference": row.reference}))
    assert "AGB proposed as co-lead" in page.content.decode()
    checklist = member_b_client.get(reverse("rounds:checklist", kwargs={"part_id": part_b.pk}))
    text = checklist.content.decode()
    assert "Roles proposed to your agency" in text and "Costing" in text


def test_the_agency_accepts_from_its_checklist(proposal, row, member_b_client, part_b):
    row.refresh_from_db()
    back = reverse("rounds:checklist", kwargs={"part_id": part_b.pk})
    response = member_b_client.post(
        reverse("activities:proposal_accept", kwargs={"pk": proposal.pk}),
        {"version": row.version, "next": back},
    )
    assert response.url == back
    assert _roles(row) == {"AGA": "lead", "AGB": "co-lead"}
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.ACCEPTED
    assert Activity.objects.get(pk=row.pk).version == row.version + 1  # a new version


def test_accepting_on_a_row_changed_since_is_refused(proposal, row, member_b_client, member_a):
    seen = Activity.objects.get(pk=row.pk).version
    row.refresh_from_db()
    row.title = "Costing, renamed"
    update_activity(member_a, row, row.version)
    response = member_b_client.post(
        reverse("activities:proposal_accept", kwargs={"pk": proposal.pk}),
        {"version": seen},
        follow=True,
    )
    assert "Someone else saved this activity" in response.content.decode()
    assert _roles(row) == {"AGA": "lead"}
    assert RoleProposal.objects.get().state == ProposalState.PENDING


def test_accepting_a_proposal_the_row_outgrew_is_refused(
    proposal, row, member_b_client, secretariat, agency_a, agency_b
):
    row.refresh_from_db()
    update_activity(secretariat, row, row.version, {agency_a: Role.LEAD, agency_b: Role.FUNDER})
    row.refresh_from_db()
    response = member_b_client.post(
        reverse("activities:proposal_accept", kwargs={"pk": proposal.pk}),
        {"version": row.version},
        follow=True,
    )
    assert "The row changed since this proposal: AGB is now funder" in response.content.decode()
    assert _roles(row) == {"AGA": "lead", "AGB": "funder"}


def test_declining_leaves_the_row(proposal, row, member_b_client):
    member_b_client.post(reverse("activities:proposal_decline", kwargs={"pk": proposal.pk}))
    assert RoleProposal.objects.get().state == ProposalState.DECLINED
    assert _roles(row) == {"AGA": "lead"}


def test_taking_the_lead_from_an_agency_that_did_not_agree_is_refused(
    member_a_client, agency_a, agency_b
):
    shared = make_activity(agencies={agency_a: Role.PARTNER, agency_b: Role.LEAD})
    url = reverse("activities:activity_edit", kwargs={"pk": shared.pk})
    data = form_data(member_a_client.get(url))
    roles = {data[f"agencies-{i}-agency"][0].upper(): i for i in range(2)}
    data[f"agencies-{roles['AGA']}-role"] = Role.LEAD
    data[f"agencies-{roles['AGB']}-role"] = Role.PARTNER
    response = member_a_client.post(url, data)
    assert "AGB leads this row until it agrees to another role" in response.content.decode()
    assert _roles(shared) == {"AGA": "partner", "AGB": "lead"}


def test_the_import_makes_the_same_proposals(member_a, agency_a, agency_b, row):
    make_country("VN")
    header = ["Reference", "Country code", "Title", "Type", "Lead agency", "Co-lead agencies"]
    job = run(
        member_a, csv_bytes([[row.reference, "VNM", "Costing", "Study", "AGA", "AGB"]], header)
    )
    assert job.status == ImportStatus.APPLIED
    assert _roles(row) == {"AGA": "lead"}
    assert RoleProposal.objects.get().agency == agency_b


@pytest.mark.parametrize("persona_client, expected", ANSWERS_FOR_B, indirect=["persona_client"])
@pytest.mark.parametrize("action", ["accept", "decline"])
def test_who_answers_a_proposal(persona_client, expected, action, proposal, row):
    row.refresh_from_db()
    url = reverse(f"activities:proposal_{action}", kwargs={"pk": proposal.pk})
    response = persona_client.post(url, {"version": row.version})
    assert outcome(response) == expected
    answered = RoleProposal.objects.get().state != ProposalState.PENDING
    assert answered == (expected == 200)


def test_the_proposers_checklist_shows_the_proposal_on_the_row(proposal, row, member_a, client):
    import datetime

    from django.utils import timezone

    from rounds.services import open_round

    update_round = open_round(
        member_a,
        title="Mid-year",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
        agencies=[row.participations.get().agency],
    )
    client.force_login(member_a)
    page = client.get(reverse("rounds:checklist", kwargs={"part_id": update_round.parts.get().pk}))
    assert "Proposed: AGB as co-lead (waiting for its answer)" in page.content.decode()


def test_importing_the_same_proposal_again_changes_nothing(member_a, agency_b, row):
    make_country("VN")
    header = ["Reference", "Country code", "Title", "Type", "Lead agency", "Co-lead agencies"]
    line = [row.reference, "VNM", "Costing", "Study", "AGA", "AGB"]
    run(member_a, csv_bytes([line], header))
    again = run(member_a, csv_bytes([line], header))
    assert (again.changed_count, RoleProposal.objects.count()) == (0, 1)
