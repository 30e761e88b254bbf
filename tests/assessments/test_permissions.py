"""Assessments rank countries: members and the secretariat only, never the public."""

import pytest
from django.urls import reverse

from tests.outcomes import MEMBERS_AND_SECRETARIAT, outcome

PAGES = [
    ("countries:assessments", ""),
    ("countries:assessments_export", "?format=csv"),
    ("countries:assessments_export", "?format=xlsx"),
]


@pytest.mark.parametrize(("name", "query"), PAGES)
@pytest.mark.parametrize(
    ("persona_client", "expected"), MEMBERS_AND_SECRETARIAT, indirect=["persona_client"]
)
def test_it_opens_assessments_to_members_and_the_secretariat(
    persona_client, expected, name, query, assessed
):
    assert outcome(persona_client.get(reverse(name) + query)) == expected


@pytest.mark.parametrize(
    ("persona_client", "shown"),
    [
        ("anonymous", False),
        ("viewer", False),
        ("member_a", True),
        ("secretariat", True),
        ("superuser", True),
    ],
    indirect=["persona_client"],
)
def test_it_shows_a_country_s_ratings_on_its_page_only_to_members(persona_client, shown, assessed):
    content = persona_client.get(reverse("countries:detail", args=["VN"])).content.decode()
    assert ("Request letter of March 2012" in content) is shown
    assert ("Selection criteria" in content) is shown


@pytest.mark.parametrize(
    ("persona_client", "shown"),
    [("anonymous", False), ("viewer", False), ("member_b", True), ("secretariat", True)],
    indirect=["persona_client"],
)
def test_it_links_the_comparison_from_the_countries_page_for_members(persona_client, shown, db):
    content = persona_client.get(reverse("countries:index")).content.decode()
    assert (reverse("countries:assessments") in content) is shown
