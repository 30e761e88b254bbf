"""Who may open a country's assessments and who may assess it: members for the countries
their agencies work in, the secretariat for any; the rest are refused, nothing written."""

import pytest
from django.urls import reverse

from countries.models import CountryAssessment, Rating
from tests.assessments.conftest import assess
from tests.outcomes import LOGIN, MEMBERS_AND_SECRETARIAT, outcome


@pytest.mark.parametrize(
    "url",
    [
        reverse("countries:assessment", args=["VN"]),
        reverse("countries:assessment_start") + "?country=VN",
    ],
)
@pytest.mark.parametrize(
    ("persona_client", "expected"), MEMBERS_AND_SECRETARIAT, indirect=["persona_client"]
)
def test_it_opens_a_country_s_assessments_to_members_and_the_secretariat(
    persona_client, expected, url, works
):
    assert outcome(persona_client.get(url)) == expected


ASSESS = [
    ("anonymous", LOGIN, False),
    ("viewer", 403, False),
    ("member_a", 200, True),  # agency A works in Viet Nam
    ("member_b", 403, False),  # agency B does not
    ("secretariat", 200, True),
    ("superuser", 200, True),
]


@pytest.mark.parametrize(
    ("persona_client", "expected", "written"), ASSESS, indirect=["persona_client"]
)
def test_it_lets_assess_only_who_works_there_or_the_secretariat(
    persona_client, expected, written, works, criteria
):
    response = assess(persona_client, works["VN"], criteria[1], rating=Rating.NOT_MET)
    assert outcome(response) == expected
    stored = CountryAssessment.objects.get(country=works["VN"], criterion=criteria[1])
    assert (stored.rating == Rating.NOT_MET) is written


def test_it_writes_nothing_for_a_member_whose_agencies_do_not_work_there(
    member_b_client, works, criteria
):
    before = list(CountryAssessment.history.values_list("history_id", flat=True))
    response = assess(member_b_client, works["VN"], criteria[0], rating=Rating.NOT_MET)
    assert response.status_code == 403
    assert list(CountryAssessment.history.values_list("history_id", flat=True)) == before


@pytest.mark.parametrize(
    ("persona_client", "form_shown"),
    [("member_a", True), ("member_b", False), ("secretariat", True)],
    indirect=["persona_client"],
)
def test_it_shows_the_form_only_to_who_may_assess(persona_client, form_shown, works):
    content = persona_client.get(reverse("countries:assessment", args=["VN"])).content.decode()
    assert ('name="rating"' in content) is form_shown


@pytest.mark.parametrize(
    ("persona_client", "countries"),
    [("member_a", ["VN"]), ("member_b", ["BJ"]), ("secretariat", ["BJ", "VN"])],
    indirect=["persona_client"],
)
def test_it_offers_to_assess_the_countries_one_may_assess(persona_client, countries, works):
    assessable = persona_client.get(reverse("countries:assessments")).context["assessable"]
    assert sorted(str(country.code) for country in assessable) == countries


def test_it_answers_404_for_an_unknown_country(member_a_client, works):
    assert member_a_client.get(reverse("countries:assessment", args=["ZZ"])).status_code == 404
