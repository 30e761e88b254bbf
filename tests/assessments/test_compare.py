import datetime

from django.urls import reverse

from countries.models import CountryAssessment, Rating, SelectionCriterion

URL = reverse("countries:assessments")


def names(response) -> list[str]:
    return [str(line.country) for line in response.context["lines"]]


def test_it_ranks_countries_by_weighted_score(member_a_client, assessed):
    response = member_a_client.get(URL)
    assert names(response) == ["Viet Nam", "Benin"]
    assert [line.percent for line in response.context["lines"]] == [100, 75]


def test_it_weighs_each_criterion_by_its_weight(member_a_client, assessed, criteria):
    SelectionCriterion.objects.filter(pk=criteria[1].pk).update(weight=3)
    benin = member_a_client.get(URL).context["lines"][1]
    # (1 x 1 + 0.5 x 3) / 4
    assert benin.score == 0.625


def test_it_sorts_by_name_when_asked(member_a_client, assessed):
    response = member_a_client.get(URL + "?sort=name")
    assert names(response) == ["Benin", "Viet Nam"]
    assert [line.rank for line in response.context["lines"]] == [2, 1]


def test_it_explains_how_the_score_is_computed(member_a_client, assessed):
    content = member_a_client.get(URL).content.decode()
    assert "met counts 1, partly met 0.5" in content


def test_it_filters_by_region(member_a_client, assessed):
    assert names(member_a_client.get(URL + "?region=africa")) == ["Benin"]


def test_it_filters_by_language(member_a_client, assessed):
    assert names(member_a_client.get(URL + "?language=fr")) == ["Benin"]
    assert names(member_a_client.get(URL + "?language=es")) == []


def test_it_shows_everything_for_unknown_filter_values(member_a_client, assessed):
    response = member_a_client.get(URL + "?region=atlantis&language=xx&sort=x")
    assert response.status_code == 200
    assert names(response) == ["Viet Nam", "Benin"]


def test_it_counts_a_criterion_not_assessed_as_zero(member_a_client, assessed, criteria):
    SelectionCriterion.objects.create(number=3, title="Organised civil society platform")
    response = member_a_client.get(URL)
    assert all(line.cells[2].rating is None for line in response.context["lines"])
    assert response.context["lines"][0].percent == 67


def test_it_marks_evidence_missing_and_evidence_older_than_a_year(member_a_client, assessed):
    viet_nam = member_a_client.get(URL).context["lines"][0]
    # The fixture's assessments date from 2012; only the first has a note.
    assert [cell.evidence_missing for cell in viet_nam.cells] == [False, True]
    assert all(cell.stale for cell in viet_nam.cells)


def test_it_does_not_mark_a_recent_assessment(member_a_client, assessed):
    CountryAssessment.objects.update(assessed_on=datetime.date.today())
    lines = member_a_client.get(URL).context["lines"]
    assert not any(cell.stale for line in lines for cell in line.cells)


def test_it_says_when_no_country_is_assessed_yet(member_a_client, criteria):
    response = member_a_client.get(URL)
    assert response.context["lines"] == []
    assert "No country has been assessed yet" in response.content.decode()


def test_it_keeps_unknown_ratings_at_zero(member_a_client, assessed, criteria):
    CountryAssessment.objects.filter(country=assessed["VN"]).update(rating=Rating.UNKNOWN)
    assert member_a_client.get(URL).context["lines"][-1].percent == 0


def test_it_offers_every_language_of_the_table_as_a_filter(member_a_client, assessed):
    content = member_a_client.get(URL).content.decode()
    assert '<option value="ar">Arabic</option>' in content
    assert '<option value="ru">Russian</option>' in content


def test_it_asks_no_evidence_of_a_rating_not_known_yet(member_a_client, assessed):
    CountryAssessment.objects.filter(country=assessed["VN"]).update(rating=Rating.UNKNOWN)
    viet_nam = next(
        line for line in member_a_client.get(URL).context["lines"] if line.country.code == "VN"
    )
    assert viet_nam.missing_evidence == 0
