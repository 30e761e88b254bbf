"""Shared fixtures: the test personas and the services the suite talks to.

Tests that need a real PostgreSQL or Redis are marked `postgres` / `redis`. Where
`make test` found the service missing they are skipped, and listed loudly.
"""

import os

import pytest
from django.db import connection

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
