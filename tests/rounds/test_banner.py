from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from rounds.context_processors import round_banner
from rounds.services import close_round


def test_it_shows_the_banner_to_members_of_an_asked_agency(member_a_client, part_a):
    response = member_a_client.get("/")
    assert "Mid-year update" in response.content.decode()
    assert part_a in list(response.context["round_parts"])


def test_it_hides_the_banner_from_agencies_not_asked(client, update_round, agency_b):
    from tests.factories import make_agency, make_member

    outsider = make_member(make_agency("OUT"))
    client.force_login(outsider)
    assert "Mid-year update" not in client.get("/").content.decode()
    assert "Mid-year update" not in client.get("/grid/").content.decode()


def test_it_hides_the_banner_once_the_round_is_closed(member_a_client, update_round):
    close_round(update_round)
    response = member_a_client.get("/")
    assert "Mid-year update" not in response.content.decode()
    assert list(response.context["round_parts"]) == []


def test_it_costs_no_query_for_anonymous_visitors(update_round, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        parts = round_banner(request)["round_parts"]
        assert not parts


def test_it_costs_one_query_for_a_member(member_a, part_a, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.user = member_a
    with django_assert_num_queries(1):
        parts = list(round_banner(request)["round_parts"])
    assert parts == [part_a]


def test_it_links_the_banner_to_the_checklist(member_a_client, part_a):
    html = member_a_client.get("/").content.decode()
    assert f'href="/rounds/parts/{part_a.pk}/"' in html
    assert "days left" in html


def test_it_costs_no_query_once_the_page_knows_the_user_has_no_agency(
    viewer, update_round, django_assert_num_queries
):
    from accounts.roles import agency_ids

    request = RequestFactory().get("/")
    request.user = viewer
    agency_ids(viewer)
    with django_assert_num_queries(0):
        assert list(round_banner(request)["round_parts"]) == []
