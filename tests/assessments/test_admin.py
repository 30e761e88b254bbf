from django.urls import reverse

from countries.models import CountryAssessment, Rating

ADD_URL = reverse("admin:countries_countryassessment_add")


def add_in_admin(client, country, criterion, rating: str):
    data = {"country": country.pk, "criterion": criterion.pk, "rating": rating, "note": ""}
    return client.post(ADD_URL, {**data, "assessed_on": "2012-06-01"})


def test_it_records_an_assessment_and_who_made_it(
    secretariat_client, secretariat, assessed, criteria
):
    CountryAssessment.objects.filter(country=assessed["BJ"], criterion=criteria[1]).delete()
    response = add_in_admin(secretariat_client, assessed["BJ"], criteria[1], Rating.NOT_MET)
    assert response.status_code == 302
    made = CountryAssessment.objects.get(country=assessed["BJ"], criterion=criteria[1])
    assert (made.rating, made.updated_by) == (Rating.NOT_MET, secretariat)


def test_it_names_the_field_of_a_duplicate_assessment(secretariat_client, assessed, criteria):
    response = add_in_admin(secretariat_client, assessed["VN"], criteria[0], Rating.MET)
    assert response.status_code == 200
    assert "already exists" in str(response.context["adminform"].form.errors)


def test_it_lists_assessments_in_a_few_queries(
    secretariat_client, assessed, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = secretariat_client.get(reverse("admin:countries_countryassessment_changelist"))
    assert response.status_code == 200


def test_it_records_an_assessment_from_the_country_page(secretariat_client, secretariat, criteria):
    from tests.factories import make_country

    togo = make_country("TG", "africa")
    prefix = "assessments"
    response = secretariat_client.post(
        reverse("admin:countries_country_change", args=[togo.pk]),
        {
            "code": "TG",
            "region": "africa",
            "name_variants": "",
            f"{prefix}-TOTAL_FORMS": "1",
            f"{prefix}-INITIAL_FORMS": "0",
            f"{prefix}-0-criterion": criteria[0].pk,
            f"{prefix}-0-rating": Rating.PARTLY,
            f"{prefix}-0-note": "A request is being drafted",
            f"{prefix}-0-assessed_on": "2012-06-01",
        },
    )
    assert response.status_code == 302
    made = CountryAssessment.objects.get(country=togo)
    assert (made.rating, made.updated_by) == (Rating.PARTLY, secretariat)


def test_it_offers_only_criteria_people_assess_in_the_admin(secretariat_client, criteria):
    from countries.models import Computation, SelectionCriterion

    SelectionCriterion.objects.create(number=9, title="Leads", computed=Computation.WILLING_LEADS)
    response = secretariat_client.get(ADD_URL)
    offered = response.context["adminform"].form.fields["criterion"].queryset
    assert set(offered) == set(criteria)
