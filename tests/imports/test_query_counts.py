"""Checking a file costs the same few queries for 5 rows or 50: none per row."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from imports.checking import check_file
from imports.compare import compare
from tests.factories import Role, make_activity
from tests.imports.helpers import basics, csv_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def rows(activities) -> bytes:
    return csv_bytes(
        [
            [a.reference, "VNM", f"{a.title}!", "Study", "Planned", "ILO", "UNICEF"]
            for a in activities
        ]
    )


def check(data: bytes, user_pk: int):
    user = User.objects.get(pk=user_pk)  # a fresh user: no rights cached on it
    checked = check_file(data)
    return compare(checked.rows, checked.lookup, user, checked.managed)


def test_it_checks_a_file_in_a_fixed_number_of_queries(secretariat, django_assert_num_queries):
    _, ilo, _ = basics()
    activities = [make_activity(agencies={ilo: Role.LEAD}) for _ in range(50)]
    with CaptureQueriesContext(connection) as small:
        check(rows(activities[:5]), secretariat.pk)
    with django_assert_num_queries(len(small)):
        result = check(rows(activities), secretariat.pk)
    assert len(result.planned) == 50
