"""The grid lists countries by the name it shows, in the visitor's language, accents folded."""

import pytest

from activities.models import Role
from countries.models import Region
from tests.factories import make_activity, make_agency, make_country

pytestmark = pytest.mark.django_db

# Germany, Egypt, Spain, Zambia: "Allemagne, Égypte, Espagne, Zambie" in French. A sort on
# the English names, or a plain one that puts "É" after "Z", gives another order.
CODES = ["ZM", "ES", "EG", "DE"]


@pytest.fixture
def grid_countries(db):
    agency = make_agency("ILO")
    for code in CODES:
        make_activity(make_country(code, region=Region.AFRICA), {agency: Role.LEAD})


def _order(client, language: str) -> list[str]:
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    return [row.code for row in client.get("/grid/").context["grid"].rows]


def test_it_sorts_by_the_french_names_with_accents_folded(client, grid_countries):
    assert _order(client, "fr") == ["DE", "EG", "ES", "ZM"]


def test_it_sorts_by_the_english_names_in_english(client, grid_countries):
    assert _order(client, "en") == ["EG", "DE", "ES", "ZM"]


def test_it_shows_the_localized_name_it_sorts_by(client, grid_countries):
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    names = [row.name for row in client.get("/grid/").context["grid"].rows]
    assert names[1] == "Égypte"
    assert "Allemagne" in client.get("/grid/").content.decode()
