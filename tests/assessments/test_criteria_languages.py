"""Selection criteria in English, French and Spanish, as the catalogues are: titles and
descriptions in the reader's language on the pages, in the save message and the history,
English where a criterion has no text in that language; the 2012 minutes' criteria get
their French and Spanish text (countries.criteria_text, by migration and demo)."""

import pytest
from django.urls import reverse
from django.utils import translation

from countries.criteria_text import give_translations
from countries.models import Rating, SelectionCriterion
from tests.assessments.conftest import assess

FRENCH = "Le pays a formulé une demande"
SPANISH = "Existe una solicitud del país"


@pytest.fixture
def translated(criteria):
    give_translations(SelectionCriterion.objects.all())
    return criteria


def speaks(client, person, language: str) -> None:
    person.profile.language = language
    person.profile.save()
    client.force_login(person)  # the profile's language is taken at login


def test_the_minutes_criteria_get_their_french_and_spanish_text(translated):
    first = SelectionCriterion.objects.get(number=1)
    assert (first.title_fr, first.title_es) == (FRENCH, SPANISH)
    with translation.override("es"):
        assert str(first) == f"1. {SPANISH}"
    with translation.override("en"):
        assert str(first) == "1. A country request exists"


def test_a_criterion_keeps_text_the_secretariat_typed(criteria):
    SelectionCriterion.objects.filter(number=1).update(title_fr="Demande du pays")
    give_translations(SelectionCriterion.objects.all())
    assert SelectionCriterion.objects.get(number=1).title_fr == "Demande du pays"


def test_a_french_member_reads_and_saves_criteria_in_french(
    member_a_client, member_a, works, translated
):
    speaks(member_a_client, member_a, "fr")
    page = member_a_client.get(reverse("countries:assessment", args=["VN"])).content.decode()
    assert FRENCH in page
    assert "A country request exists" not in page
    response = assess(member_a_client, works["VN"], translated[0], rating=Rating.MET, follow=True)
    assert f"Enregistré : {FRENCH}." in response.content.decode()


def test_the_comparison_speaks_spanish(member_a_client, member_a, works, translated):
    speaks(member_a_client, member_a, "es")
    page = member_a_client.get(reverse("countries:assessments")).content.decode()
    assert SPANISH in page


def test_a_criterion_without_french_shows_in_english(member_a_client, member_a, works, criteria):
    speaks(member_a_client, member_a, "fr")
    page = member_a_client.get(reverse("countries:assessment", args=["VN"])).content.decode()
    assert "A country request exists" in page
