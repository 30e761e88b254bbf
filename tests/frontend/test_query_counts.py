"""Pages cost the same number of queries for 3 activities as for 60."""

import itertools

import pytest
from django.urls import reverse

from activities.models import ActivityType, Guarantee, Role, Scope, Theme, Tool
from agencies.models import FocalLevel, FocalPoint
from countries.models import Region
from tests.factories import (
    make_activity,
    make_agency,
    make_country,
    make_focal_point,
    make_placed_activity,
)

pytestmark = pytest.mark.django_db

COUNTRIES = [
    ("VN", Region.ASIA_PACIFIC),
    ("KH", Region.ASIA_PACIFIC),
    ("MZ", Region.AFRICA),
    ("SN", Region.AFRICA),
    ("PE", Region.AMERICAS),
    ("JO", Region.ARAB_STATES),
]

# Budgets for an anonymous visitor; a logged-in one adds two (session and user).
BUDGETS = {
    # 4 for the form's choices (countries, agencies, places in use, themes), count, rows,
    # 3 prefetches, the rows' countries, places and themes (one UNION)
    "activities:matrix": 10,
    # 4 for the form's choices (naming the cells too), 2 aggregates, and 2 for the rows of
    # the activities without a main country (a region's, the world's)
    "activities:grid": 8,
    # country, count, the page's ids then its rows (covering_ids), 3 prefetches, the rows'
    # places, agencies, contacts; the coalition's work there (decisions.country_page):
    # status, joint workplan, documents; the places inside the country that activities name
    # (the page's filter); its results (the activities' latest values, milestones, coverage
    # figures)
    "countries:detail": 17,
    # agency, countries, its regional and global work, count, leads + partners, focal points
    "agencies:detail": 7,
    "countries:index": 1,
    "agencies:index": 1,
}


def populate(size: int) -> None:
    countries = [make_country(code, region=region) for code, region in COUNTRIES]
    agencies = [make_agency(acronym) for acronym in ("ILO", "UNICEF", "WHO", "UNDP", "WFP")]
    tool = Tool.objects.create(name="SPF costing tool")
    for country, agency in zip(countries, itertools.cycle(agencies)):
        make_focal_point(agency, country)
    for agency in agencies:
        make_focal_point(agency, None)
        FocalPoint.objects.create(
            agency=agency, name="Regional", level=FocalLevel.REGIONAL, region=Region.AFRICA
        )
    people = list(FocalPoint.objects.all())
    for n in range(size):
        lead, partner = agencies[n % 5], agencies[(n + 1) % 5]
        activity = make_activity(
            countries[n % len(countries)] if size > 3 else countries[0],
            {lead: Role.LEAD, partner: Role.PARTNER},
            activity_type=ActivityType.values[n % len(ActivityType.values)],
            focal_point=people[n % len(people)],
            **{"covers_" + Guarantee.values[n % 4].replace("-", "_"): True},
        )
        activity.tools_used.add(tool)
        activity.tools_needed.add(tool)
    add_places(size, countries, agencies)


def add_places(size: int, countries, agencies) -> None:
    """Work beyond one country, and places inside countries, in every size: an exchange of
    Viet Nam and Cambodia in two of their provinces, a regional event for Africa, a global
    campaign, with themes; and one of each per ten activities."""
    themes = list(Theme.objects.order_by("position")[:2])
    vn, kh = countries[0], countries[1]
    provinces = [vn.subdivisions.order_by("code").first(), kh.subdivisions.order_by("code").first()]
    for n in range(max(1, size // 10)):
        lead = {agencies[n % 5]: Role.LEAD}
        make_placed_activity(
            Scope.MULTI_COUNTRY,
            lead,
            main=vn,
            countries=(kh,),
            subdivisions=provinces,
            themes=themes,
        )
        make_placed_activity(Scope.REGIONAL, lead, region=Region.AFRICA, themes=themes[:1])
        make_placed_activity(Scope.GLOBAL, lead)


URLS = [
    ("activities:matrix", [], {}),
    (
        "activities:matrix",
        [],
        {"agency": "ilo", "agency_role": "lead", "q": "activity", "year": "2012"},
    ),
    ("activities:grid", [], {}),
    ("activities:grid", [], {"country": "VN", "guarantee": "health"}),
    ("countries:detail", ["VN"], {}),
    ("agencies:detail", ["ILO"], {}),
    ("countries:index", [], {}),
    ("agencies:index", [], {}),
]


@pytest.mark.parametrize("size", [3, 60])
@pytest.mark.parametrize(("name", "args", "params"), URLS)
def test_it_keeps_the_query_count_whatever_the_size(
    client, django_assert_num_queries, size, name, args, params
):
    populate(size)
    with django_assert_num_queries(BUDGETS[name]):
        response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200


# A logged-in page costs a fixed four more: session, user, and the header's role lookups
# (a partner: memberships and groups; a member: memberships and the round banner); a member
# one more, the secretariat check of the rows' Edit links (a partner's header made it).
LOGGED_IN_EXTRA = {"viewer": 4, "member_a": 5}


@pytest.mark.parametrize("size", [3, 60])
@pytest.mark.parametrize("persona_client", ["viewer", "member_a"], indirect=True)
def test_it_adds_a_fixed_cost_for_a_logged_in_user(
    persona_client, django_assert_num_queries, size, request
):
    populate(size)
    extra = LOGGED_IN_EXTRA[request.node.callspec.params["persona_client"]]
    with django_assert_num_queries(BUDGETS["activities:matrix"] + extra):
        persona_client.get("/matrix/")
