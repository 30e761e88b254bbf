"""The matrix sorts by the country names it shows, in the visitor's language, accents folded,
on every page and in the download."""

import pytest

from countries.models import Region
from tests.exports.matrix import read_csv
from tests.factories import make_activity, make_country

pytestmark = pytest.mark.django_db

# In French: Allemagne, Bénin, Burundi, Cambodge, Cap-Vert, Égypte, Espagne, Zambie. A sort on
# the English names (Cabo Verde before Cambodia, Germany after Egypt) or on raw characters
# (Bénin after Burundi, Égypte after Zambie) gives another order.
FRENCH = ["DE", "BJ", "BI", "KH", "CV", "EG", "ES", "ZM"]
ENGLISH = ["BJ", "BI", "CV", "KH", "EG", "DE", "ES", "ZM"]


@pytest.fixture
def countries(db) -> dict[str, str]:
    """Two activities per country (titled by code), created in no particular order."""
    titles = {}
    for code in sorted(FRENCH, reverse=True):
        country = make_country(code, region=Region.AFRICA)
        for n in (2, 1):
            activity = make_activity(country, title=f"{code} {n}")
            titles[activity.reference] = code
    return titles


def _codes_on_every_page(client, params: dict[str, str]) -> list[str]:
    codes, number = [], 1
    while True:
        page = client.get("/matrix/", {**params, "page": number}).context["page"]
        codes += [activity.title.split()[0] for activity in page.object_list]
        if not page.has_next():
            return codes
        number += 1


def _in_french(client) -> None:
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})


def test_it_sorts_every_page_by_the_french_names(client, countries, settings):
    settings.SPF_MATRIX_PAGE_SIZE = 3  # pages that start and end inside a country
    _in_french(client)
    assert _codes_on_every_page(client, {}) == [code for code in FRENCH for _ in (1, 2)]


def test_it_sorts_by_the_english_names_in_english(client, countries, settings):
    settings.SPF_MATRIX_PAGE_SIZE = 3
    assert _codes_on_every_page(client, {}) == [code for code in ENGLISH for _ in (1, 2)]


def test_it_reverses_the_countries_but_not_the_titles(client, countries, settings):
    settings.SPF_MATRIX_PAGE_SIZE = 5
    _in_french(client)
    page = client.get("/matrix/", {"sort": "-country"}).context["page"]
    assert [activity.title for activity in page.object_list] == [
        "ZM 1",
        "ZM 2",
        "ES 1",
        "ES 2",
        "EG 1",
    ]


def test_it_downloads_the_rows_in_the_order_of_the_page(client, countries):
    _in_french(client)
    rows = read_csv(client.get("/export/", {"format": "csv"}))
    references = [row[next(iter(row))] for row in rows]  # the first column: the reference
    assert [countries[reference] for reference in references][::2] == FRENCH
