from django.urls import reverse


def test_it_lists_each_assessed_country_with_its_count_of_criteria_met(member_a_client, assessed):
    response = member_a_client.get(reverse("countries:assessments"))
    lines = {str(line.country): line.met for line in response.context["lines"]}
    assert lines == {"Benin": 1, "Viet Nam": 2}


def test_it_sorts_by_criteria_met_when_asked(member_a_client, assessed):
    by_name = member_a_client.get(reverse("countries:assessments"))
    by_met = member_a_client.get(reverse("countries:assessments") + "?sort=met")
    assert [str(line.country) for line in by_name.context["lines"]] == ["Benin", "Viet Nam"]
    assert [str(line.country) for line in by_met.context["lines"]] == ["Viet Nam", "Benin"]


def test_it_filters_by_region(member_a_client, assessed):
    response = member_a_client.get(reverse("countries:assessments") + "?region=africa")
    assert [str(line.country) for line in response.context["lines"]] == ["Benin"]


def test_it_shows_every_region_for_an_unknown_one(member_a_client, assessed):
    response = member_a_client.get(reverse("countries:assessments") + "?region=atlantis&sort=x")
    assert response.status_code == 200
    assert len(response.context["lines"]) == 2


def test_it_marks_a_criterion_not_assessed(member_a_client, assessed, criteria):
    from countries.models import SelectionCriterion

    SelectionCriterion.objects.create(number=3, title="Organised civil society platform")
    response = member_a_client.get(reverse("countries:assessments"))
    assert all(line.cells[2] is None for line in response.context["lines"])
    assert "Not assessed" in response.content.decode()


def test_it_says_when_no_country_is_assessed_yet(member_a_client, criteria):
    response = member_a_client.get(reverse("countries:assessments"))
    assert response.context["lines"] == []
    assert "No country has been assessed yet" in response.content.decode()
