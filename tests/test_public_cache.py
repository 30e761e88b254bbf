"""Public answers kept in the cache (core.public_cache): served again while nothing changed,
never after a write (in this process or another one sharing the Redis), 304 to a
conditional GET, and never for a logged-in person."""

import os
import subprocess
import sys

import pytest
from django.urls import reverse

from activities.models import Activity, Role
from tests.factories import make_activity, make_agency, make_country, make_focal_point
from tests.workplan.workers import ROOT, database_url, redis_url


@pytest.fixture(autouse=True)
def _public_cache_on(settings) -> None:
    settings.SPF_PUBLIC_CACHE = True


PUBLIC_PAGES = [
    reverse("overview:home"),
    reverse("activities:matrix"),
    reverse("overview:map_data"),
    "/api/v1/activities/",
]


@pytest.fixture
def matrix(db):
    ilo = make_agency("ILO")
    return make_activity(make_country("VN"), {ilo: Role.LEAD}, title="Costing study in Viet Nam")


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_a_second_anonymous_request_is_served_without_a_query(
    client, matrix, django_assert_num_queries, url
):
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        again = client.get(url)
    assert again.content == first.content
    assert again["ETag"] == first["ETag"]
    assert again["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("url", [*PUBLIC_PAGES[1:], "/api/v1/activities/?format=json"])
def test_a_write_is_seen_on_the_next_request(client, matrix, url):
    if "map" in url:  # the map names every country: its summary counts the activities
        new, old = b"Senegal: 1 activity", b"Viet Nam: 1 activity"
    else:
        new, old = b"Pension pilot", b"Costing study in Viet Nam"
    assert new not in client.get(url).content
    assert old in client.get(url).content
    make_activity(make_country("SN"), {make_agency("UNICEF"): Role.LEAD}, title="Pension pilot")
    assert new in client.get(url).content
    matrix.delete()
    assert old not in client.get(url).content


def test_the_front_page_counts_a_new_country_at_once(client, matrix):
    def countries_shown() -> int:
        return client.get(reverse("overview:home")).context["figures"].countries

    assert countries_shown() == 1
    assert client.get(reverse("overview:home")).context is None  # served from the cache
    make_activity(make_country("SN"), {make_agency("UNICEF"): Role.LEAD})
    assert countries_shown() == 2


def test_a_conditional_get_answers_304_until_the_data_changes(client, matrix):
    url = reverse("activities:matrix")
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == "max-age=0, must-revalidate"
    unchanged = client.get(url, headers={"If-None-Match": etag})
    assert (unchanged.status_code, unchanged.content, unchanged["ETag"]) == (304, b"", etag)
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304

    matrix.title = "Costing study, second phase"
    matrix.save()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert b"second phase" in changed.content


def test_downloads_and_feeds_answer_304_too(client, matrix):
    for url in (reverse("activities:matrix_export") + "?format=hxl", reverse("api:iati")):
        first = client.get(url)
        assert first.status_code == 200, url
        assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304


def test_each_language_and_each_htmx_partial_has_its_own_answer(client, matrix):
    url = reverse("overview:map_data")
    english = client.get(url, headers={"Accept-Language": "en"})
    french = client.get(url, headers={"Accept-Language": "fr"})
    partial = client.get(reverse("activities:matrix"), headers={"HX-Request": "true"})
    whole = client.get(reverse("activities:matrix"))
    assert english["ETag"] != french["ETag"]
    assert english.content != french.content
    assert partial["ETag"] != whole["ETag"]


def test_a_logged_in_person_is_never_served_the_public_answer(client, matrix, member_a):
    agency = matrix.participations.get().agency
    matrix.focal_point = make_focal_point(agency, matrix.country, email="ana@example.org")
    matrix.save()
    url = reverse("activities:matrix")
    assert b"ana@example.org" not in client.get(url).content  # kept for visitors
    client.force_login(member_a)
    answer = client.get(url)
    assert b"ana@example.org" in answer.content
    assert "no-store" in answer["Cache-Control"]
    assert "ETag" not in answer


def test_a_page_with_a_csrf_token_is_not_kept(client, db):
    first = client.get(reverse("login"))
    assert first.status_code == 200
    assert "ETag" not in first
    assert b"csrfmiddlewaretoken" in client.get(reverse("login")).content


def test_a_visitor_switches_language_without_a_token(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    answer = strict.post(reverse("set_language"), {"language": "fr", "next": "/matrix/"})
    assert answer.status_code == 302
    assert answer.cookies["django_language"].value == "fr"


def test_a_logged_in_person_s_switch_still_needs_the_token(member_a):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member_a)
    answer = strict.post(reverse("set_language"), {"language": "fr", "next": "/matrix/"})
    assert answer.status_code == 403


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_write_in_another_process_is_seen_here(client, settings):
    """Both processes share one Redis: the other one's write changes the version this
    process reads, so its kept page is not served again."""
    url = redis_url(7)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "spf",  # as the settings give the other process
        }
    }
    from django.core.cache import cache

    cache.clear()
    make_activity(make_country("VN"), {make_agency("ILO"): Role.LEAD}, title="Here")
    page = reverse("activities:matrix")
    assert b"Elsewhere" not in client.get(page).content
    assert client.get(page).context is None  # kept

    script = (
        "from activities.models import Activity;"
        "from countries.models import Country;"
        "Activity.objects.create(country=Country.objects.get(code='VN'), title='Elsewhere',"
        " activity_type='advocacy')"
    )
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": database_url(),
        "REDIS_URL": url,
        "SPF_CACHE_URL": url,
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert Activity.objects.filter(title="Elsewhere").exists()
    assert b"Elsewhere" in client.get(page).content
    cache.clear()
