"""Shared fixtures: the test personas and the services the suite talks to.

Tests that need a real PostgreSQL or Redis are marked `postgres` / `redis`. Where
`make test` found the service missing they are skipped, and listed loudly.
"""

import os

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

SERVICE_MARKERS = ("postgres", "redis")


def pytest_configure(config: pytest.Config) -> None:
    for name in SERVICE_MARKERS:
        config.addinivalue_line("markers", f"{name}: needs a real {name} server")


def _missing_services() -> set[str]:
    return set(os.environ.get("SPF_MISSING_SERVICES", "").split())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # CI (.ci/run) refuses to start without both services, so nothing is skipped there.
    missing = _missing_services()
    for item in items:
        for name in SERVICE_MARKERS:
            if name in item.keywords and name in missing:
                item.add_marker(pytest.mark.skip(reason=f"{name} is not installed here"))


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    missing = _missing_services()
    skipped = terminalreporter.stats.get("skipped", [])
    if missing:
        terminalreporter.section("SERVICES MISSING", sep="#", red=True, bold=True)
        terminalreporter.write_line(
            f"Not installed:{' '.join(sorted(missing))}. {len(skipped)} test(s) skipped; "
            "install them (see README) to run the whole suite."
        )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings) -> None:
    """Hash the tests' passwords with MD5: PBKDF2's million rounds cost about half a second
    per person made, and the suite makes hundreds. The real hashers stay listed after it, so
    any hash made elsewhere (the demo loader, a subprocess) still checks."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        *settings.PASSWORD_HASHERS,
    ]


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache: limits counted there (password resets per
    address) would otherwise carry over from earlier tests."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language() -> None:
    """Each test starts in the site's default language: a request in French or Spanish made
    by an earlier test leaves that language active in the thread (LocaleMiddleware)."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _public_cache_off(settings) -> None:
    """Tests see every answer rendered (a test reads `response.context`, counts a page's
    queries, asks twice): the cache of public answers is off, and empty, unless a test
    turns it on (tests/test_public_cache.py, and the smoke test's real stack)."""
    from django.core.cache import cache

    settings.SPF_PUBLIC_CACHE = False
    cache.clear()


@pytest.fixture
def on_postgres() -> bool:
    return connection.vendor == "postgresql"


# Personas (issue 3 adds agency members and the secretariat).
@pytest.fixture
def viewer(db):
    """A logged-in partner: sees contact details."""
    from tests.factories import make_user

    return make_user("viewer")


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


@pytest.fixture
def superuser(db):
    from django.contrib.auth.models import User

    return User.objects.create_superuser("root", "root@example.org", "test-password-123")


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


# Personas of the permission matrix: anonymous (plain `client`), viewer, member of agency A,
# member of agency B, secretariat, superuser.
@pytest.fixture
def agency_a(db):
    from tests.factories import make_agency

    return make_agency("AGA", name="Agency A")


@pytest.fixture
def agency_b(db):
    from tests.factories import make_agency

    return make_agency("AGB", name="Agency B")


@pytest.fixture
def member_a(agency_a):
    from tests.factories import make_member

    return make_member(agency_a, username="member_a")


@pytest.fixture
def member_b(agency_b):
    from tests.factories import make_member

    return make_member(agency_b, username="member_b")


@pytest.fixture
def secretariat(db):
    from tests.factories import make_secretariat

    return make_secretariat(username="secretariat")


def _logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def member_a_client(client, member_a):
    return _logged_in(client, member_a)


@pytest.fixture
def member_b_client(client, member_b):
    return _logged_in(client, member_b)


@pytest.fixture
def secretariat_client(client, secretariat):
    return _logged_in(client, secretariat)


PERSONAS = ("anonymous", "viewer", "member_a", "member_b", "secretariat", "superuser")


@pytest.fixture
def persona_client(request, client):
    """A client logged in as the persona named by indirect parametrization (or anonymous)."""
    name = request.param
    if name == "anonymous":
        return client
    return _logged_in(client, request.getfixturevalue(name))
