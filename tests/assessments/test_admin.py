from django.urls import reverse

from countries.models import CountryAssessment, Rating


def test_it_records_an_assessment_and_who_made_it(
    secretariat_client, secretariat, assessed, criteria
):
    CountryAssessment.objects.filter(country=assessed["BJ"], criterion=criteria[1]).delete()
    response = secretariat_client.post(
        reverse("admin:countries_countryassessment_add"),
        {
            "country": assessed["BJ"].pk,
            "criterion": criteria[1].pk,
            "rating": Rating.NOT_MET,
            "note": "",
            "assessed_on": "2012-06-01",
        },
    )
    assert response.status_code == 302
    made = CountryAssessment.objects.get(country=assessed["BJ"], criterion=criteria[1])
    assert (made.rating, made.updated_by) == (Rating.NOT_MET, secretariat)


def test_it_names_the_field_of_a_duplicate_assessment(secretariat_client, assessed, criteria):
    response = secretariat_client.post(
        reverse("admin:countries_countryassessment_add"),
        {
            "country": assessed["VN"].pk,
            "criterion": criteria[0].pk,
            "rating": Rating.MET,
            "assessed_on": "2012-06-01",
        },
    )
    assert response.status_code == 200
    assert "already exists" in str(response.context["adminform"].form.errors)


def test_it_lists_assessments_in_a_few_queries(
    secretariat_client, assessed, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = secretariat_client.get(reverse("admin:countries_countryassessment_changelist"))
    assert response.status_code == 200
