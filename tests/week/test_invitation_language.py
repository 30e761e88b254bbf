"""The invitation link's page speaks the invitee's language before they log in."""

import pytest

from accounts.invitations import invitation_url
from tests.factories import make_user
from tests.week.conftest import speaking

pytestmark = pytest.mark.django_db


def test_it_greets_a_french_invitee_in_french(client, settings):
    user = speaking(make_user("marie", email="marie@example.org"), "fr")
    user.set_unusable_password()
    user.save()
    path = invitation_url(user).removeprefix(settings.SITE_URL)
    content = client.get(path, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="fr">' in content
