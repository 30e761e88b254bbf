import datetime

import pytest

from activities.exports import export_response
from activities.models import Activity
from tests.exports.matrix import read_xlsx, small_matrix

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def matrix(db):
    return small_matrix()


def exported(include_contacts: bool = False):
    queryset = Activity.objects.exclude(title="Not exported").order_by("title")
    return export_response(queryset, "xlsx", include_contacts=include_contacts, filename="m.xlsx")


def test_it_exports_exactly_the_queryset_rows():
    rows = read_xlsx(exported())
    expected = Activity.objects.exclude(title="Not exported").order_by("title")
    assert [(r["Reference"], r["Country code"]) for r in rows] == [
        (a.reference, a.country.alpha3) for a in expected
    ]
    assert [r["Lead agency"] for r in rows] == ["ILO", "UNICEF"]


def test_it_writes_dates_as_dates():
    row = read_xlsx(exported())[0]
    assert row["Start date"] == datetime.datetime(2012, 1, 1)
    assert row["End date"] == datetime.datetime(2013, 6, 30)


def test_it_leaves_contact_columns_out_unless_allowed():
    hidden, shown = read_xlsx(exported())[0], read_xlsx(exported(include_contacts=True))[0]
    assert "Focal point phone" not in hidden
    assert shown["Focal point email"] == "ana@example.org"


def test_it_refuses_an_unknown_format():
    with pytest.raises(ValueError):
        export_response(Activity.objects.none(), "pdf", include_contacts=False, filename="m")
