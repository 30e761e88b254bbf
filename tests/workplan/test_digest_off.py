"""The link in a digest: one email per reminder from then on, after a confirmation."""

import datetime

from django.core import signing
from django.urls import reverse

from reminders.sending import digest_off_url
from tests.factories import make_agency, make_focal_point, make_member
from tests.workplan.conftest import make_deliverable
from workplan.models import DIGEST_OPT_OUT_SALT, DigestOptOut

DUE = datetime.date(2030, 3, 31)


def path_of(url: str) -> str:
    return url.split("://", 1)[1].split("/", 1)[1].join(["/", ""])


def test_it_asks_before_changing_anything(client, db):
    member = make_member(make_agency("ILO"), username="mina")
    response = client.get(path_of(digest_off_url(member.email)))
    member.profile.refresh_from_db()
    assert response.status_code == 200
    assert member.profile.receives_digest


def test_it_turns_the_digest_off_for_a_user(client, db):
    member = make_member(make_agency("ILO"), username="mina")
    client.post(path_of(digest_off_url(member.email)))
    member.profile.refresh_from_db()
    assert not member.profile.receives_digest


def test_it_remembers_a_focal_point_without_account(client, run_sweep, db):
    agency = make_agency("ILO")
    point = make_focal_point(agency, email="fp@example.org")
    client.post(path_of(digest_off_url(point.email)))
    for _n in range(2):
        make_deliverable(DUE, contacts=(point,))
    assert DigestOptOut.objects.filter(email="fp@example.org").exists()
    assert len(run_sweep(DUE)) == 2


def test_it_refuses_a_forged_link(client, db):
    token = signing.dumps("someone@example.org", salt="another-salt")
    assert DIGEST_OPT_OUT_SALT != "another-salt"
    url = reverse("workplan:digest_off", args=[token])
    assert client.post(url).status_code == 404
