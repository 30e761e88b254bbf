"""A member assesses a country on the front-end form: rating, evidence, date; bad input is
refused with a message naming the field, and nothing is written."""

import datetime

import pytest

from countries.models import Computation, CountryAssessment, Rating, SelectionCriterion
from tests.assessments.conftest import assess
from tests.factories import make_country


def stored(country, criterion) -> CountryAssessment:
    return CountryAssessment.objects.get(country=country, criterion=criterion)


def test_it_records_a_first_assessment_and_who_made_it(member_a_client, member_a, works):
    criterion = SelectionCriterion.objects.create(number=3, title="Organised civil society")
    response = assess(member_a_client, works["VN"], criterion, rating=Rating.MET)
    made = stored(works["VN"], criterion)
    assert response.status_code == 302
    assert (made.rating, made.note, made.updated_by) == (
        Rating.MET,
        "Cabinet paper of May 2025",
        member_a,
    )


def test_it_changes_an_assessment_and_keeps_the_old_one_in_history(
    member_a_client, member_a, works, criteria
):
    assess(member_a_client, works["VN"], criteria[1], rating=Rating.NOT_MET)
    made = stored(works["VN"], criteria[1])
    assert (made.rating, made.assessed_on) == (Rating.NOT_MET, datetime.date(2025, 5, 20))
    assert [(h.rating, h.history_user) for h in made.history.all()] == [
        (Rating.NOT_MET, member_a),
        (Rating.MET, None),
    ]


def test_it_lets_the_secretariat_assess_a_country_where_nobody_works(secretariat_client, criteria):
    togo = make_country("TG", "africa")
    assert assess(secretariat_client, togo, criteria[0]).status_code == 302
    assert stored(togo, criteria[0]).rating == Rating.PARTLY


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"rating": "great"}, "rating", "“great” is not a rating"),
        ({"assessed_on": "2999-01-01"}, "assessed_on", "cannot be in the future"),
        ({"assessed_on": "31/31/2025"}, "assessed_on", "Enter a valid date"),
        ({"note": "   "}, "note", "evidence is required"),
    ],
)
def test_it_refuses_bad_input_naming_the_field(
    member_a_client, works, criteria, fields, field, message
):
    response = assess(member_a_client, works["VN"], criteria[1], **fields)
    assert response.status_code == 400
    form = next(
        row["form"] for row in response.context["rows"] if row["form"] and row["form"].is_bound
    )
    assert message in " ".join(form.errors[field])
    assert stored(works["VN"], criteria[1]).rating == Rating.MET


def test_it_accepts_no_evidence_for_a_rating_not_known_yet(member_a_client, works, criteria):
    response = assess(member_a_client, works["VN"], criteria[1], rating=Rating.UNKNOWN, note="")
    assert response.status_code == 302
    assert stored(works["VN"], criteria[1]).rating == Rating.UNKNOWN


def test_it_refuses_to_type_a_computed_criterion(member_a_client, works):
    computed = SelectionCriterion.objects.create(
        number=9, title="Willing to lead", computed=Computation.WILLING_LEADS
    )
    response = assess(member_a_client, works["VN"], computed, rating=Rating.MET)
    assert response.status_code == 400
    assert "not one that members assess" in response.content.decode()
    assert not CountryAssessment.objects.filter(criterion=computed).exists()
