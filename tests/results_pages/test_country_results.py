"""A country's results on its page, its results page (in three languages) and its brief:
approved values for the public; the activity's agencies and the secretariat also see theirs
not approved yet, marked; the same number of queries whatever the number of values."""

import pytest
from django.test import Client
from django.urls import reverse

from results.models import ActivityIndicator, ReviewStatus
from tests.factories import make_activity, make_country
from tests.results_pages.conftest import build_showcase, people_indicator, period, report

pytestmark = pytest.mark.django_db

PAGES = [
    ("countries:detail", "VN"),
    ("overview:country_results", "VN"),
    ("overview:country_brief", "VN"),
]


def text(client, name: str, code: str = "VN", query: str = "") -> str:
    response = client.get(reverse(name, args=[code]) + query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(("name", "code"), PAGES)
def test_the_public_sees_approved_results_only(client, showcase, name, code):
    page = text(client, name, code)
    assert "Universal child benefit law adopted" in page
    assert "12,400" in page  # the latest approved value
    assert "77,777" not in page and "77777" not in page  # submitted, not approved
    assert "Social pension decree drafted" not in page
    assert "45 %" in page  # SDG 1.3.1 coverage, latest year


# Who sees agency A's values not approved yet: its members and the secretariat (not agency
# B's members, nor a logged-in partner).
SEES_DRAFTS = [
    ("anonymous", False),
    ("viewer", False),
    ("member_a", True),
    ("member_b", False),
    ("secretariat", True),
    ("superuser", True),
]


@pytest.mark.parametrize(("name", "code"), PAGES)
@pytest.mark.parametrize(("persona_client", "sees"), SEES_DRAFTS, indirect=["persona_client"])
def test_drafts_are_the_agencys_and_the_secretariats(persona_client, sees, showcase, name, code):
    page = text(persona_client, name, code)
    assert ("77,777" in page) is sees
    assert ("Social pension decree drafted" in page) is sees
    if sees:
        assert "Submitted" in page  # marked as not approved yet


def test_an_unknown_country_is_a_404(client, showcase):
    assert client.get(reverse("overview:country_results", args=["XX"])).status_code == 404


def test_the_rule_is_said_not_the_sum(client, showcase):
    """Two activities reached 12,400 and 5,000 people, maybe the same ones: the largest."""
    page = text(client, "overview:country_results")
    assert "17,400" not in page
    assert "the largest of 2 activities" in page


def test_progress_against_target_and_the_parts(client, showcase):
    page = text(client, "overview:country_results")
    assert "62 %" in page  # 12,400 of 20,000 from 0
    assert "Women and girls 6,500" in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "Résultats : "), ("es", "Resultados: "), ("en", "Results in")],
)
def test_the_results_page_in_three_languages(client, showcase, language, expected):
    page = text(client, "overview:country_results", query=f"?lang={language}")
    assert expected in page
    assert f'lang="{language}"' in page


def test_a_country_without_results_has_no_results_section(client, db):
    make_activity(make_country("MZ"))
    assert 'id="results"' not in text(client, "countries:detail", "MZ")


def _grow(showcase, n: int) -> None:
    """n more activities with values over several periods, with parts."""
    people = people_indicator()
    periods = [period(f"{year} H1", year) for year in range(2015, 2019)]
    for _ in range(n):
        link = ActivityIndicator.objects.create(
            activity=make_activity(showcase.country), indicator=people
        )
        for when in periods:
            report(link, when, 100, parts={("sex", "f"): 50, ("sex", "m"): 50})


@pytest.mark.parametrize("name", ["countries:detail", "overview:country_results"])
def test_the_queries_do_not_grow_with_the_values(client, agency_a, agency_b, name):
    """Worked out (the first request after a write) or read back from the cache (the
    public's results are kept until the data changes, core.kept): the same queries with one
    value an indicator as with nine."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core.public_cache import data_changed

    def counted() -> int:
        with CaptureQueriesContext(connection) as captured:
            text(client, name)
        return len(captured)

    showcase = build_showcase(make_country("VN"), agency_a, agency_b)
    client.get(reverse(name, args=["VN"]))
    data_changed()
    worked_out, read_back = counted(), counted()
    assert read_back < worked_out  # the public's results were kept
    _grow(showcase, 8)  # writes: a new data version
    assert counted() == worked_out
    assert counted() == read_back


def test_the_publics_results_are_kept_until_the_data_changes(client, showcase):
    """Kept for the public, never stale: a value approved since shows at once."""
    assert "77,777" not in text(client, "countries:detail")
    showcase.draft.status = ReviewStatus.APPROVED
    showcase.draft.save()
    assert "77,777" in text(client, "countries:detail")
    assert "77,777" in text(client, "overview:country_results")


def test_a_returned_value_is_not_public(client, showcase):
    showcase.draft.status = ReviewStatus.RETURNED
    showcase.draft.save()
    assert "77,777" not in text(Client(), "overview:country_results")


def test_the_results_page_lists_its_table_a_page_at_a_time(client, showcase, settings):
    settings.SPF_MATRIX_PAGE_SIZE = 2
    _grow(showcase, 3)  # five indicators of activities with a value, and a law
    assert "Page 1 of 3" in text(client, "overview:country_results")
    rows = []
    for number in (1, 2, 3):
        response = client.get(reverse("overview:country_results", args=["VN"]) + f"?page={number}")
        rows += [(row.activity.pk, row.indicator.code) for row in response.context["progress"]]
    assert len(rows) == len(set(rows)) == 6  # each indicator of an activity once
