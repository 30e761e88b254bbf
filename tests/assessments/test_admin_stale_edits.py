"""The admin refuses an assessment saved on an older version, as the front end does: a
member's newer rating is never overwritten by an admin page opened before it."""

from django.urls import reverse

from countries.models import CountryAssessment, Rating


def change(client, assessment: CountryAssessment, based_on: int, rating: str):
    return client.post(
        reverse("admin:countries_countryassessment_change", args=[assessment.pk]),
        {
            "country": assessment.country_id,
            "criterion": assessment.criterion_id,
            "rating": rating,
            "note": "Checked with the ministry",
            "assessed_on": "2012-06-01",
            "based_on_version": based_on,
        },
    )


def test_it_saves_an_assessment_edited_on_its_current_version(secretariat_client, assessed):
    assessment = CountryAssessment.objects.filter(country=assessed["VN"]).first()
    response = change(secretariat_client, assessment, assessment.version, Rating.PARTLY)
    assert response.status_code == 302
    assert CountryAssessment.objects.get(pk=assessment.pk).rating == Rating.PARTLY


def test_it_refuses_an_assessment_someone_saved_since(secretariat_client, assessed):
    assessment = CountryAssessment.objects.filter(country=assessed["VN"]).first()
    opened_on = assessment.version
    assessment.rating = Rating.NOT_MET  # a member's save meanwhile
    assessment.save()
    response = change(secretariat_client, assessment, opened_on, Rating.MET)
    assert "saved this criterion while you were editing it" in response.content.decode()
    assert CountryAssessment.objects.get(pk=assessment.pk).rating == Rating.NOT_MET
