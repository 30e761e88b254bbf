"""Titles and descriptions are kept in English, French and Spanish and shown in the reader's
language, in English where an entry has none in it (core.translations)."""

import csv
import io

import pytest
from django.urls import reverse

from activities.models import Tool

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_rap(shelf) -> Tool:
    shelf.rap.name_fr = "Protocole d'évaluation rapide"
    shelf.rap.description_fr = "Chiffrer un socle de protection sociale."
    shelf.rap.save()
    return shelf.rap


def test_it_shows_a_french_visitor_the_french_title(client, french_rap):
    page = client.get(reverse("catalogues:tools"), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Protocole d&#x27;évaluation rapide" in page
    assert "Chiffrer un socle de protection sociale." in page


def test_it_falls_back_to_english_for_a_spanish_visitor(client, french_rap):
    page = client.get(reverse("catalogues:tools"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Rapid Assessment Protocol" in page
    assert "Protocole" not in page


def test_it_shows_other_catalogues_in_the_readers_language(client, shelf):
    shelf.wspdb.name_es = "Base de datos mundial sobre protección social"
    shelf.wspdb.save()
    shelf.leaflet.title_es = "¿Qué es un piso de protección social?"
    shelf.leaflet.save()
    data = client.get(reverse("catalogues:data_sets"), HTTP_ACCEPT_LANGUAGE="es")
    outreach = client.get(reverse("catalogues:outreach"), HTTP_ACCEPT_LANGUAGE="es")
    assert "Base de datos mundial sobre protección social" in data.content.decode()
    assert "¿Qué es un piso de protección social?" in outreach.content.decode()


def test_it_downloads_in_the_readers_language(client, french_rap):
    response = client.get(reverse("catalogues:tools") + "?format=csv", HTTP_ACCEPT_LANGUAGE="fr")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    names = {row[1]: row[0] for row in rows[1:]}
    assert names == {"RAP": "Protocole d'évaluation rapide", "CODI": "Core Diagnostic Instrument"}


def test_it_finds_an_entry_by_its_french_name(client, french_rap):
    response = client.get(reverse("catalogues:tools") + "?q=protocole")
    assert [tool.acronym for tool in response.context["rows"]] == ["RAP"]


def test_it_lets_the_secretariat_edit_the_three_languages_in_the_admin(secretariat_client, shelf):
    url = reverse("admin:catalogues_dataset_change", args=[shelf.aspire.pk])
    form = secretariat_client.get(url).context["adminform"].form
    assert {"name", "name_fr", "name_es", "definition_fr", "definition_es"} <= set(form.fields)
