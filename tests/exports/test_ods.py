"""The ODS download: the queryset's rows, typed dates, contacts only when allowed."""

import datetime

import pytest

from activities.exports import export_response
from activities.models import Activity
from tests.exports.matrix import body, ods_texts, read_ods, small_matrix

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def matrix(db):
    return small_matrix()


def exported(include_contacts: bool = False):
    queryset = Activity.objects.exclude(title="Not exported").order_by("title")
    return export_response(queryset, "ods", include_contacts=include_contacts, filename="m")


def test_it_exports_exactly_the_queryset_rows():
    expected = Activity.objects.exclude(title="Not exported").order_by("title")
    rows = read_ods(exported())
    assert [r["Reference"] for r in rows] == [a.reference for a in expected]
    assert [r["Lead agency"] for r in rows] == ["ILO", "UNICEF"]


def test_it_writes_dates_as_dates():
    row = read_ods(exported())[0]
    assert row["Start date"] == datetime.date(2012, 1, 1)
    assert row["End date"] == datetime.date(2013, 6, 30)


def test_it_leaves_contact_columns_out_unless_allowed():
    hidden, shown = read_ods(exported())[0], read_ods(exported(include_contacts=True))[0]
    assert "Focal point email" not in hidden
    assert shown["Focal point email"] == "ana@example.org"


def test_it_is_an_opendocument_spreadsheet_download():
    response = exported()
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    assert body(response)[30:38] == b"mimetype"


def test_it_keeps_line_breaks_and_runs_of_spaces():
    Activity.objects.filter(title="Pension law").update(description="two  spaces\nnext line")
    header, _first, second = ods_texts(exported())
    assert second[header.index("Description")] == "two  spaces\nnext line"
