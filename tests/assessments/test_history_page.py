"""A country's page lists every change of its assessments: who, when, what changed."""

from django.urls import reverse

from countries.models import Rating
from tests.assessments.conftest import assess


def test_it_shows_who_changed_what(member_a_client, second_client, works, criteria):
    assess(member_a_client, works["VN"], criteria[1], rating=Rating.NOT_MET, note="Repealed")
    history = second_client.get(reverse("countries:assessment", args=["VN"])).context["history"]
    latest = history[0]
    assert (latest.who, latest.criterion) == ("member_a", "Favourable legal environment")
    assert ("rating", "Met", "Not met") in latest.changes


def test_it_lists_the_first_assessments_too(member_b_client, works):
    content = member_b_client.get(reverse("countries:assessment", args=["VN"])).content.decode()
    assert "Request letter of March 2012" in content
    assert "History" in content


def test_it_names_the_country_s_languages(member_b_client, works):
    content = member_b_client.get(reverse("countries:assessment", args=["BJ"])).content.decode()
    assert "Africa · French" in content
