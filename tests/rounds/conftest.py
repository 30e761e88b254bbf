"""A round asking agencies A and B; agency A has three rows, B one."""

import datetime

import pytest
from django.utils import timezone

from rounds.models import RoundAgency
from rounds.services import open_round
from tests.factories import Role, make_activity

# The sweep run in-process (tasks eager), shared with the workplan's reminder tests.
from tests.workplan.conftest import eager_celery, run_sweep  # noqa: F401


@pytest.fixture
def rows_a(agency_a, agency_b):
    """Three activities A takes part in (one shared with B as lead)."""
    return [
        make_activity(agencies={agency_a: Role.LEAD}),
        make_activity(agencies={agency_a: Role.PARTNER}),
        make_activity(agencies={agency_b: Role.LEAD, agency_a: Role.PARTNER}),
    ]


@pytest.fixture
def row_b(agency_b):
    return make_activity(agencies={agency_b: Role.LEAD})


@pytest.fixture
def update_round(secretariat, agency_a, agency_b):
    return open_round(
        secretariat,
        title="Mid-year update",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
        agencies=[agency_a, agency_b],
        message="Please check your rows.",
    )


@pytest.fixture
def part_a(update_round, agency_a) -> RoundAgency:
    return RoundAgency.objects.get(round=update_round, agency=agency_a)


@pytest.fixture
def part_b(update_round, agency_b) -> RoundAgency:
    return RoundAgency.objects.get(round=update_round, agency=agency_b)
