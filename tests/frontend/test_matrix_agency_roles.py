"""The agency filter offers "lead or co-lead" beside "lead only", and several agencies."""

import pytest

from activities.models import Role
from tests.factories import make_activity
from tests.frontend.conftest import shown

pytestmark = pytest.mark.django_db


@pytest.fixture
def co_led(world):
    """A third ILO activity, which ILO co-leads."""
    return make_activity(world.pe, {world.who: Role.LEAD, world.ilo: Role.CO_LEAD})


def test_it_counts_a_co_lead_among_the_leads(client, world, co_led):
    response = client.get("/matrix/", {"agency": "ILO", "agency_role": "leads"})
    # ILO leads costing, co-leads co_led, is only a partner in child_law.
    assert shown(response) == {world.costing.reference, co_led.reference}


def test_it_still_offers_the_lead_alone(client, world, co_led):
    response = client.get("/matrix/", {"agency": "ILO", "agency_role": "lead"})
    assert shown(response) == {world.costing.reference}


def test_it_names_the_role_in_the_filter_chip(client, world, co_led):
    response = client.get("/matrix/", {"agency": "ILO", "agency_role": "leads"})
    assert "Agency: ILO (lead or co-lead)" in response.content.decode()


def test_it_takes_several_agencies_in_any_case(client, world, co_led):
    response = client.get("/matrix/?agency=who&agency=UNICEF&agency_role=lead")
    assert shown(response) == {
        world.child_law.reference,
        world.pensions.reference,
        co_led.reference,
    }
