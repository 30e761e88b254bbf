import pytest
from django.db import IntegrityError, transaction

from countries.models import CountryAssessment, Rating


def test_it_refuses_a_second_assessment_of_the_same_criterion(assessed, criteria):
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryAssessment.objects.create(country=assessed["VN"], criterion=criteria[0])
    assert CountryAssessment.objects.filter(country=assessed["VN"]).count() == 2


def test_it_refuses_an_unknown_rating_in_the_database(assessed, criteria):
    with pytest.raises(IntegrityError), transaction.atomic():
        CountryAssessment.objects.filter(country=assessed["VN"]).update(rating="great")
    assert set(CountryAssessment.objects.values_list("rating", flat=True)) <= set(Rating.values)


def test_it_keeps_who_changed_a_rating_in_the_history(assessed, secretariat):
    assessment = CountryAssessment.objects.get(country=assessed["BJ"], criterion__number=2)
    assessment.rating = Rating.MET
    assessment._history_user = secretariat
    assessment.save()
    latest = assessment.history.first()
    assert latest.rating == Rating.MET and latest.history_user == secretariat
    assert assessment.history.count() == 2


@pytest.mark.parametrize(
    ("persona", "countries"),
    [
        ("viewer", set()),
        ("member_a", {"VN"}),
        ("member_b", {"BJ"}),
        ("secretariat", {"VN", "BJ"}),
        ("superuser", {"VN", "BJ"}),
    ],
)
def test_it_lets_assess_the_countries_one_s_agencies_work_in(request, persona, countries, works):
    user = request.getfixturevalue(persona)
    allowed = {code for code, c in works.items() if user.has_perm("countries.assess_country", c)}
    assert allowed == countries
