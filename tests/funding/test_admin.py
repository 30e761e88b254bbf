"""The secretariat keeps the contributions in the admin; the currency goes with the amount."""

import pytest
from django.urls import reverse

from funding.models import Contribution
from tests.factories import make_agency

pytestmark = pytest.mark.django_db

ADD = reverse("admin:funding_contribution_add")


def test_it_opens_the_contribution_form_to_the_secretariat(secretariat_client):
    assert secretariat_client.get(ADD).status_code == 200


def test_it_keeps_members_out_of_the_admin(member_a_client):
    assert member_a_client.get(ADD).status_code == 302


def test_it_refuses_an_amount_without_a_currency_in_the_admin(secretariat_client):
    partner = make_agency("KBF")
    data = {
        "partner": partner.pk,
        "channel": "other",
        "amount": "100",
        "currency": "",
        "status": "pledged",
        "start_year": "2021",
    }
    response = secretariat_client.post(ADD, data)
    assert "Say in which currency the amount is" in response.content.decode()
    assert not Contribution.objects.exists()
