"""Two people assessing the same criterion at once: the second save, made on the version
shown before the first, is refused with a message saying what it now reads; nothing lost."""

from django.contrib.messages import get_messages

from countries.models import CountryAssessment, Rating
from tests.assessments.conftest import assess


def test_it_refuses_a_save_based_on_an_old_version(member_a_client, second_client, works, criteria):
    shown = CountryAssessment.objects.get(country=works["VN"], criterion=criteria[1]).version
    assess(second_client, works["VN"], criteria[1], rating=Rating.NOT_MET, note="Law repealed")
    response = assess(member_a_client, works["VN"], criteria[1], version=shown, note="Old view")
    current = CountryAssessment.objects.get(country=works["VN"], criterion=criteria[1])
    assert (current.rating, current.note) == (Rating.NOT_MET, "Law repealed")
    assert "was not saved" in str(next(iter(get_messages(response.wsgi_request))))


def test_it_names_who_saved_in_between_and_what_it_reads(
    member_a_client, second_client, works, criteria
):
    assess(second_client, works["VN"], criteria[1], rating=Rating.NOT_MET)
    response = assess(member_a_client, works["VN"], criteria[1], version=1, follow=True)
    content = response.content.decode()
    assert "Someone else (secretariat) saved this criterion" in content
    assert "“Not met”" in content


def test_it_refuses_a_first_assessment_when_someone_made_one_meanwhile(
    member_a_client, second_client, works
):
    from countries.models import SelectionCriterion

    criterion = SelectionCriterion.objects.create(number=3, title="Organised civil society")
    assess(second_client, works["VN"], criterion, rating=Rating.MET)
    response = assess(member_a_client, works["VN"], criterion, version=0, rating=Rating.NOT_MET)
    assert response.status_code == 409
    assert CountryAssessment.objects.get(country=works["VN"], criterion=criterion).rating == (
        Rating.MET
    )


def test_it_counts_an_admin_save_as_a_new_version(works, criteria):
    assessment = CountryAssessment.objects.get(country=works["VN"], criterion=criteria[1])
    before = assessment.version
    assessment.save()
    assert assessment.version == before + 1


def test_it_keeps_the_refused_text_to_review_and_save_again(
    member_a_client, second_client, works, criteria
):
    assess(second_client, works["VN"], criteria[1], rating=Rating.NOT_MET, note="Law repealed")
    refused = assess(member_a_client, works["VN"], criteria[1], version=1, note="My evidence")
    form = next(row["form"] for row in refused.context["rows"] if row["kept"])
    assert (refused.status_code, form.initial["note"]) == (409, "My evidence")
    again = member_a_client.post(
        refused.request["PATH_INFO"],
        {**form.initial, "criterion": criteria[1].pk, "assessed_on": "2025-05-20"},
    )
    assert again.status_code == 302
    assert CountryAssessment.objects.get(country=works["VN"], criterion=criteria[1]).note == (
        "My evidence"
    )
