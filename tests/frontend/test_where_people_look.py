"""What people looked for where they were: Follow on a country's and an agency's page, Edit
on their own rows in the matrix and on a country's page, the help page from every footer,
and a page (not a blank 405) for a GET on an address that takes only a form's answer."""

import pytest
from django.test import override_settings

from follows.models import Follow
from tests.factories import Role, make_activity, make_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(agency_a, agency_b):
    viet_nam = make_country("VN")
    return {
        "mine": make_activity(viet_nam, {agency_a: Role.LEAD}, title="Our costing"),
        "theirs": make_activity(viet_nam, {agency_b: Role.LEAD}, title="Their pension study"),
    }


def edit_links(page: str) -> set[str]:
    return {part.split('"')[0] for part in page.split('class="row-edit" href="')[1:]}


@pytest.mark.parametrize("path", ["/matrix/", "/countries/VN/"])
def test_a_member_finds_edit_on_their_own_rows_only(member_a_client, rows, path):
    page = member_a_client.get(path).content.decode()
    assert edit_links(page) == {f"/activities/{rows['mine'].pk}/edit/"}


@pytest.mark.parametrize("path", ["/matrix/", "/countries/VN/"])
def test_a_visitor_finds_no_edit_link(client, rows, path):
    assert edit_links(client.get(path).content.decode()) == set()


def test_the_secretariat_finds_edit_on_every_row(secretariat_client, rows):
    assert len(edit_links(secretariat_client.get("/matrix/").content.decode())) == 2


def test_a_person_follows_a_country_from_its_page(viewer_client, viewer, rows):
    page = viewer_client.get("/countries/VN/").content.decode()
    assert 'action="/follows/"' in page
    response = viewer_client.post(
        "/follows/", {"country": rows["mine"].country_id, "next": "/countries/VN/"}
    )
    assert response.url == "/countries/VN/"
    assert Follow.objects.filter(user=viewer, country=rows["mine"].country).exists()
    assert "Stop following" in viewer_client.get("/countries/VN/").content.decode()


def test_a_person_follows_an_agency_from_its_page(viewer_client, viewer, rows, agency_a):
    path = f"/agencies/{agency_a.acronym}/"
    assert 'name="agency"' in viewer_client.get(path).content.decode()
    viewer_client.post("/follows/", {"agency": agency_a.pk, "next": path})
    assert Follow.objects.filter(user=viewer, agency=agency_a).exists()


def test_it_never_sends_back_to_another_site(viewer_client, rows):
    response = viewer_client.post(
        "/follows/", {"country": rows["mine"].country_id, "next": "https://evil.example/"}
    )
    assert response.url == "/accounts/profile/#follows"


def test_a_visitor_is_asked_to_log_in_to_follow(client, rows):
    page = client.get("/countries/VN/").content.decode()
    assert "/accounts/login/?next=/countries/VN/" in page


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("path", ["/", "/matrix/", "/countries/VN/", "/help/"])
def test_every_footer_links_the_help_page(client, rows, path, language):
    page = client.get(path, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    footer = page.split('<footer class="site-footer">')[1]
    assert 'href="/help/"' in footer


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["What the hub is", "Update rounds", "The secretariat"]),
        ("fr", ["Ce qu'est", "Cycles de mise à jour", "Le secrétariat"]),
        ("es", ["Qué es", "Rondas de actualización", "La secretaría"]),
    ],
)
def test_the_help_page_speaks_three_languages(client, language, words):
    page = client.get("/help/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    for word in words:
        assert word in page


@override_settings(SPF_SECRETARIAT_EMAIL="spf-secretariat@ilo.example")
def test_the_help_page_gives_the_secretariat_s_address(client):
    assert 'href="mailto:spf-secretariat@ilo.example"' in client.get("/help/").content.decode()


def test_a_get_on_a_post_only_address_gets_a_page(viewer_client, rows):
    response = viewer_client.get(
        f"/follows/{rows['mine'].pk}/stop/", HTTP_REFERER="http://testserver/matrix/"
    )
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    page = response.content.decode()
    assert "Nothing to show at this address" in page
    assert 'href="http://testserver/matrix/"' in page
