import pytest
from django.urls import reverse

pytestmark = pytest.mark.postgres

URL = reverse("activities:my_rows")


def test_it_lists_the_members_agency_rows_only(member_a_client, activity_a, activity_b):
    response = member_a_client.get(URL)
    assert response.status_code == 200
    rows = [row.pk for row in response.context["rows"]]
    assert rows == [activity_a.pk]


def test_it_has_an_inline_form_per_row_posting_with_htmx(member_a_client, activity_a):
    html = member_a_client.get(URL).content.decode()
    quick = reverse("activities:quick_edit", kwargs={"pk": activity_a.pk})
    assert f'hx-post="{quick}"' in html
    assert f'name="version" value="{activity_a.version}"' in html


def test_it_lets_the_secretariat_pick_any_agency(secretariat_client, activity_b, agency_b):
    response = secretariat_client.get(URL, {"agency": agency_b.acronym.lower()})
    assert response.status_code == 200
    assert [row.pk for row in response.context["rows"]] == [activity_b.pk]


def test_it_refuses_another_agencys_rows_to_a_member(member_a_client, agency_b, activity_b):
    response = member_a_client.get(URL, {"agency": agency_b.acronym})
    assert response.status_code == 403
    assert "rows" not in response.context


def test_it_tells_a_viewer_the_page_is_for_members(viewer_client):
    response = viewer_client.get(URL)
    assert response.status_code == 403
    assert "members of an agency" in response.content.decode()


def test_it_shows_the_link_in_the_navigation_to_logged_in_people(member_a_client, client):
    assert URL in member_a_client.get(reverse("activities:matrix")).content.decode()
    client.logout()
    assert URL not in client.get(reverse("activities:matrix")).content.decode()


def test_it_links_to_the_agencys_focal_points(member_a_client, agency_a, agency_b):
    from tests.factories import make_focal_point

    mine, theirs = make_focal_point(agency_a), make_focal_point(agency_b)
    html = member_a_client.get(URL).content.decode()
    assert reverse("agencies:focal_point_edit", args=[mine.pk]) in html
    assert reverse("agencies:focal_point_edit", args=[theirs.pk]) not in html
