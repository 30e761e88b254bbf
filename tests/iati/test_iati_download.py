"""The IATI download: linked from the matrix, the matrix's filters, the rows IATI cannot take
left out and counted, bad filters refused."""

import pytest
from django.urls import reverse
from lxml import etree

from tests.factories import make_activity
from tests.iati.conftest import download

pytestmark = pytest.mark.django_db


def identifiers(data: bytes) -> list[str]:
    return etree.fromstring(data).xpath("//iati-identifier/text()")


def test_it_is_linked_from_the_matrix_with_its_filters(client, coalition):
    page = client.get(reverse("activities:matrix") + "?country=VN&page=1").content.decode()
    assert reverse("api:iati") + "?country=VN" in page


def test_it_exports_the_rows_of_the_matrix_filters(client, coalition):
    found = identifiers(download(client, "country=MZ"))
    assert [value.rsplit("-", 2)[-2:] for value in found] == [
        coalition.child_law.reference.split("-")
    ]


def test_it_leaves_out_and_counts_rows_without_an_agency(client, coalition):
    make_activity(coalition.vn, title="Nobody's row")
    data = download(client)
    assert len(identifiers(data)) == 2
    assert b"<!-- 1 matrix rows left out" in data


def test_it_refuses_a_bad_filter_naming_it(client, coalition):
    response = client.get(reverse("api:iati") + "?year=abc")
    assert response.status_code == 400
    assert "year" in response.content.decode()


def test_it_is_a_named_xml_attachment(client, coalition):
    response = client.get(reverse("api:iati"))
    assert response["Content-Type"] == "application/xml"
    assert ".iati.xml" in response["Content-Disposition"]


def test_the_agencies_are_in_the_databases_order_lead_first_then_by_acronym(client):
    """The links are put in order in Python (api.iati.organisations_by_activity): the same
    order as the database's, its collation included (spaces, case)."""
    from activities.models import ActivityAgency, Role, role_order
    from tests.factories import make_agency

    acronyms = ["UNDP", "UN Women", "unicef", "ILO", "Banco-X", "AFD", "wfp"]
    roles = [Role.PARTNER, Role.PARTNER, Role.FUNDER, Role.LEAD, Role.PARTNER, Role.CO_LEAD]
    roles.append(Role.FUNDER)
    agencies = {make_agency(acronym): role for acronym, role in zip(acronyms, roles, strict=True)}
    activity = make_activity(agencies=agencies)
    expected = [
        f"{link.agency.name} ({link.agency.acronym})"
        for link in ActivityAgency.objects.filter(activity=activity)
        .select_related("agency")
        .order_by(role_order(), "agency__acronym")
    ]
    root = etree.fromstring(download(client))
    written = root.xpath("iati-activity/participating-org/narrative/text()")
    assert written == expected
