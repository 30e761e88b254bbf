"""The criterion "at least two member agencies active and willing to lead", from the matrix."""

import pytest
from django.urls import reverse

from activities.models import ActivityStatus
from assessments.selection import willing_leads
from countries.models import Rating
from tests.factories import Role, make_activity, make_agency

pytestmark = pytest.mark.django_db


def test_it_counts_member_agencies_leading_a_running_activity(coalition):
    # Viet Nam: ILO leads two ongoing activities; UNICEF is only a partner there.
    leads = willing_leads(coalition.vn)
    assert (leads.acronyms, leads.rating) == (["ILO"], Rating.PARTLY)


def test_it_is_met_with_a_second_member_agency_co_leading(coalition):
    make_activity(coalition.vn, {coalition.unicef: Role.CO_LEAD}, status=ActivityStatus.PLANNED)
    leads = willing_leads(coalition.vn)
    assert (leads.acronyms, leads.rating) == (["ILO", "UNICEF"], Rating.MET)


def test_it_leaves_out_partners_finished_work_and_non_members(coalition):
    outsider = make_agency("DONOR", is_member=False)
    make_activity(coalition.pe, {outsider: Role.LEAD})
    # Peru: WHO's only lead is a completed study.
    assert willing_leads(coalition.pe).rating == Rating.NOT_MET


def test_it_is_shown_with_the_criteria_to_members_only(client, viewer, member_a, coalition):
    url = reverse("overview:country_brief", args=["VN"])
    client.force_login(viewer)
    assert "willing to lead" not in client.get(url).content.decode()
    client.force_login(member_a)
    assert "leading or co-leading running activities here: ILO" in client.get(url).content.decode()
