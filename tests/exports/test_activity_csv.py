import pytest

from activities.exports import export_response
from activities.models import Activity
from tests.exports.matrix import body, read_csv, small_matrix

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def matrix(db):
    return small_matrix()


def exported(include_contacts: bool = False):
    queryset = Activity.objects.exclude(title="Not exported").order_by("title")
    return export_response(queryset, "csv", include_contacts=include_contacts, filename="matrix")


def test_it_exports_exactly_the_queryset_rows():
    rows = read_csv(exported())
    assert [(r["Reference"], r["Country code"], r["Lead agency"]) for r in rows] == [
        (a.reference, a.country.alpha3, a.lead.agency.acronym)
        for a in Activity.objects.filter(title__in=["Costing the floor", "Pension law"])
        .for_matrix()
        .order_by("title")
    ]


def test_it_lists_partners_and_guarantees_in_words():
    row = read_csv(exported())[0]
    assert row["Partner agencies"] == "UNICEF; WHO"
    assert (row["Essential health care"], row["Income security for children"]) == ("yes", "no")


def test_it_starts_with_a_byte_order_mark_for_excel():
    response = exported()
    assert body(response).startswith(b"\xef\xbb\xbf")
    assert 'filename="matrix.csv"' in response["Content-Disposition"]


def test_it_leaves_contact_columns_out_unless_allowed():
    hidden, shown = read_csv(exported())[0], read_csv(exported(include_contacts=True))[0]
    assert "Focal point email" not in hidden and hidden["Focal point"] == "Ana Ruiz"
    assert shown["Focal point email"] == "ana@example.org"
