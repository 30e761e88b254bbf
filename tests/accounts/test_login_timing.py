"""A wrong password costs the same work whether the account exists or not: the password is
hashed exactly once per login, so the time of an answer tells nobody who has an account.

Counted, not timed: the hash is the whole of the difference (a real hasher counts itself).
"""

import pytest

from tests.accounts.hashers import CountingHasher
from tests.accounts.logins import attempt
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def counting(settings):
    settings.PASSWORD_HASHERS = ["tests.accounts.hashers.CountingHasher"]
    make_user("ana", email="Ana.Gomez@example.org")
    CountingHasher.hashed = 0


@pytest.mark.parametrize(
    "login", ["ana", "ana.gomez@example.org", "ANA.GOMEZ@EXAMPLE.ORG", "nobody", "no@example.org"]
)
def test_it_hashes_a_wrong_password_once_for_any_login(client, counting, login):
    response = attempt(client, login)
    assert response.status_code == 200
    assert CountingHasher.hashed == 1
