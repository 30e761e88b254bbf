"""The API gives catalogue titles and descriptions in the language asked for (?lang, else
Accept-Language), in English where an entry has none in it."""

import pytest
from django.urls import reverse

from activities.models import Tool

pytestmark = pytest.mark.django_db

URL = reverse("api:tool-list")


@pytest.fixture
def tool(db) -> Tool:
    return Tool.objects.create(
        name="Rapid Assessment Protocol",
        name_fr="Protocole d'évaluation rapide",
        description="Costing a floor.",
        description_fr="Chiffrer un socle.",
    )


def test_it_answers_in_the_language_of_accept_language(api_client, tool):
    row = api_client.get(URL, HTTP_ACCEPT_LANGUAGE="fr").json()["results"][0]
    assert (row["name"], row["description"]) == (
        "Protocole d'évaluation rapide",
        "Chiffrer un socle.",
    )


def test_it_falls_back_to_english(api_client, tool):
    row = api_client.get(URL, {"lang": "es"}).json()["results"][0]
    assert (row["name"], row["description"]) == ("Rapid Assessment Protocol", "Costing a floor.")


def test_lang_wins_over_accept_language(api_client, tool):
    response = api_client.get(f"{URL}{tool.pk}/", {"lang": "en"}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.json()["name"] == "Rapid Assessment Protocol"


def test_it_refuses_an_unknown_language_naming_the_parameter(api_client, tool):
    response = api_client.get(URL, {"lang": "klingon"})
    assert response.status_code == 400
    assert "lang" in response.json()
