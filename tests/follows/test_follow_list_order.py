"""The profile's lists of what one can follow are sorted as the reader's language sorts
names: in French "Égypte" and "Îles Cook" among the E and the I, not after the Z."""

import re

import pytest

from tests.factories import make_agency, make_country, make_user

pytestmark = pytest.mark.django_db


def options(page: str, select_id: str) -> list[str]:
    select = page.split(f'id="{select_id}"')[1].split("</select>")[0]
    return re.findall(r">([^<]+)</option>", select)


def test_the_countries_to_follow_sort_accents_among_their_letters_in_french(client):
    for code in ("ES", "EG", "IE", "CK", "ZM"):
        make_country(code)
    person = make_user("marie")
    person.profile.language = "fr"
    person.profile.save()
    client.force_login(person)
    page = client.get("/accounts/profile/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert options(page, "follow-country") == [
        "Égypte",
        "Espagne",
        "Îles Cook",
        "Irlande",
        "Zambie",
    ]


def test_the_agencies_to_follow_sort_without_case(client):
    for acronym in ("ILO", "fes", "ESN", "UN-Habitat"):
        make_agency(acronym)
    client.force_login(make_user())
    page = client.get("/accounts/profile/").content.decode()
    assert options(page, "follow-agency") == ["ESN", "fes", "ILO", "UN-Habitat"]
