"""Who sees funding: everybody sees who funds what, where and when; amounts and totals are
for coalition members, the secretariat and superusers."""

import csv
import io

import pytest
from django.urls import reverse

from tests.outcomes import LOGIN, outcome

pytestmark = pytest.mark.django_db

SEES_AMOUNTS = {
    "anonymous": False,
    "viewer": False,
    "member_a": True,
    "member_b": True,
    "secretariat": True,
    "superuser": True,
}
TOTALS_EXPORT = [
    ("anonymous", LOGIN),
    ("viewer", 403),
    ("member_a", 200),
    ("member_b", 200),
    ("secretariat", 200),
    ("superuser", 200),
]


@pytest.mark.parametrize("persona_client", list(SEES_AMOUNTS), indirect=True)
def test_it_shows_amounts_only_to_members_on_the_page(request, persona_client, funds):
    persona = request.node.callspec.params["persona_client"]
    response = persona_client.get(reverse("funding:index"))
    assert response.status_code == 200
    assert ("1000000.00 EUR" in response.content.decode()) is SEES_AMOUNTS[persona]
    assert "FIN-MFA" in response.content.decode()


@pytest.mark.parametrize("persona_client", list(SEES_AMOUNTS), indirect=True)
def test_it_puts_amounts_in_the_download_only_for_members(request, persona_client, funds):
    persona = request.node.callspec.params["persona_client"]
    response = persona_client.get(reverse("funding:export") + "?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert ("Amount" in rows[0]) is SEES_AMOUNTS[persona]
    assert len(rows) == 4


@pytest.mark.parametrize(("persona_client", "expected"), TOTALS_EXPORT, indirect=["persona_client"])
def test_it_lets_only_members_download_the_totals(persona_client, funds, expected):
    response = persona_client.get(reverse("funding:totals_export") + "?format=csv")
    assert outcome(response) == expected
