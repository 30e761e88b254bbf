"""Pages of activities sorted by country (the default) come in the order of the country's
name in the reader's language, then title, across page boundaries, as when every row was
ranked (api.pagination.ActivityPagination)."""

import pytest
from django.urls import reverse
from django.utils import translation

from activities.country_order import country_rank
from activities.models import Activity, Role
from tests.factories import make_activity, make_country

pytestmark = pytest.mark.django_db

URL = reverse("api:activity-list")


@pytest.fixture
def spread(agency_a):
    # Germany / Allemagne, Egypt / Égypte, Spain / Espagne / España: orders differ by language.
    for code, titles in {"DE": "cab", "EG": "ba", "ES": "dca", "KH": "a"}.items():
        country = make_country(code)
        for title in titles:
            make_activity(country, {agency_a: Role.LEAD}, title=title)


def every_page(client, language: str, sort: str) -> list[str]:
    references, page = [], 1
    while True:
        response = client.get(
            URL, {"sort": sort, "page_size": 3, "page": page}, HTTP_ACCEPT_LANGUAGE=language
        )
        body = response.json()
        references += [row["reference"] for row in body["results"]]
        if not body["next"]:
            return references
        page += 1


def ranked(language: str, descending: bool) -> list[str]:
    with translation.override(language):
        rank = country_rank().desc() if descending else country_rank().asc()
        rows = Activity.objects.order_by(rank, "title", "pk")
        return list(rows.values_list("reference", flat=True))


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("sort", ["country", "-country"])
def test_it_pages_in_the_order_of_country_names(api_client, spread, language, sort):
    expected = ranked(language, descending=sort == "-country")
    assert every_page(api_client, language, sort) == expected
    assert len(expected) == 9
