import pytest

pytestmark = pytest.mark.django_db


def test_it_offers_a_login_link_to_anonymous_visitors(client, world):
    content = client.get("/").content.decode()
    assert 'href="/accounts/login/?next=/"' in content
    assert "Log out" not in content


def test_it_logs_out_with_a_post_form(viewer_client, world):
    content = viewer_client.get("/").content.decode()
    assert 'method="post" action="/accounts/logout/"' in content
    assert viewer_client.post("/accounts/logout/").status_code == 302


def test_it_lets_a_partner_who_is_not_staff_log_in(client, viewer):
    response = client.post(
        "/accounts/login/", {"username": "viewer", "password": "test-password-123"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/matrix/"


def test_it_links_the_list_and_the_grid_with_the_same_filters(client, world):
    assert 'href="/grid/?country=VN"' in client.get("/matrix/?country=VN").content.decode()
    assert 'href="/matrix/?country=VN"' in client.get("/grid/?country=VN").content.decode()
