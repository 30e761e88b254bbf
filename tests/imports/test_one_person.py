"""One person, one identity: a focal point named on rows of two agencies is one person (by
email, else by name), and the same file imported again changes nothing."""

import pytest

from agencies.models import FocalPoint
from tests.factories import make_secretariat
from tests.imports.helpers import basics, csv_bytes, errors, run

pytestmark = pytest.mark.django_db

HEADER = ["Country", "Title", "Type", "Lead agency", "Focal point", "Focal point email"]


@pytest.mark.parametrize("email", ["m.gomez@example.org", ""])
def test_a_person_named_on_two_agencies_rows_is_one_focal_point(db, email):
    basics()
    rows = [
        ["Viet Nam", "Pension study", "Study", "ILO", "Marta Gómez", email],
        ["Viet Nam", "Child grant pilot", "Pilot", "UNICEF", "Marta Gómez", email],
    ]
    person = make_secretariat()
    first = run(person, csv_bytes(rows, header=HEADER))
    assert (errors(first), first.created_count) == ([], 2)
    assert list(FocalPoint.objects.values_list("name", "email")) == [("Marta Gómez", email)]
    again = run(person, csv_bytes(rows, header=HEADER))
    assert (again.new_count, again.changed_count, again.unchanged_count) == (0, 0, 2)
    assert FocalPoint.objects.count() == 1
