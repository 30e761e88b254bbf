"""The agency page offers its members an edit link per focal point and an add link."""

import lxml.html
import pytest
from django.urls import reverse

from agencies.models import FocalLevel
from countries.models import Region
from tests.factories import make_country, make_focal_point

pytestmark = pytest.mark.postgres


def _links(client, agency) -> set[str]:
    html = client.get(reverse("agencies:detail", args=[agency.acronym])).content.decode()
    return set(lxml.html.fromstring(html).xpath("//a/@href"))


def test_it_links_each_focal_point_to_its_edit_page_for_members(member_a_client, agency_a):
    people = [make_focal_point(agency_a, None), make_focal_point(agency_a, make_country("VN"))]
    links = _links(member_a_client, agency_a)
    assert {reverse("agencies:focal_point_edit", args=[p.pk]) for p in people} <= links


def test_it_offers_no_edit_link_to_another_agencys_member(member_b_client, agency_a):
    person = make_focal_point(agency_a, None)
    links = _links(member_b_client, agency_a)
    assert reverse("agencies:focal_point_edit", args=[person.pk]) not in links
    assert f"{reverse('agencies:focal_point_add')}?agency={agency_a.pk}" not in links


def test_it_offers_members_to_add_a_focal_point(member_a_client, agency_a):
    links = _links(member_a_client, agency_a)
    assert f"{reverse('agencies:focal_point_add')}?agency={agency_a.pk}" in links


def test_it_offers_the_secretariat_every_edit_link(secretariat_client, agency_a):
    person = make_focal_point(agency_a, None)
    links = _links(secretariat_client, agency_a)
    assert reverse("agencies:focal_point_edit", args=[person.pk]) in links


def test_it_shows_no_edit_link_to_visitors(client, agency_a):
    person = make_focal_point(agency_a, None)
    assert reverse("agencies:focal_point_edit", args=[person.pk]) not in _links(client, agency_a)


def _people(agency, size: int) -> None:
    country = make_country("VN")
    for n in range(size):
        make_focal_point(agency, country if n % 3 else None)
    make_focal_point(agency, None, level=FocalLevel.REGIONAL, region=Region.ASIA_PACIFIC)


# Agency, countries, its regional and global work, count of leads (none here, so no rows),
# focal points; then session,
# user, memberships, the round banner, and the secretariat check the edit rule makes once;
# the Follow button (does the person follow the agency).
MEMBER_BUDGET = 11


@pytest.mark.parametrize("size", [2, 30])
def test_it_checks_the_rights_without_a_query_per_person(
    member_a_client, agency_a, django_assert_num_queries, size
):
    _people(agency_a, size)
    with django_assert_num_queries(MEMBER_BUDGET):
        response = member_a_client.get(reverse("agencies:detail", args=[agency_a.acronym]))
    assert response.status_code == 200
