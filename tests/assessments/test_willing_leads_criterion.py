"""The criterion "at least 2 member agencies active and willing to lead" is computed from
the matrix in the comparison, weighted like the others."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.models import ActivityStatus, Role
from countries.models import Computation, CountryAssessment, Rating, SelectionCriterion
from tests.factories import make_activity, make_agency, make_country

URL = reverse("countries:assessments")


@pytest.fixture
def leads(assessed, criteria):
    criterion = SelectionCriterion.objects.create(
        number=3,
        title="At least 2 member agencies active and willing to lead",
        computed=Computation.WILLING_LEADS,
    )
    ilo = make_agency("ILO", is_member=True)
    who = make_agency("WHO", is_member=True)
    make_activity(assessed["BJ"], {ilo: Role.LEAD}, status=ActivityStatus.ONGOING)
    make_activity(assessed["BJ"], {who: Role.CO_LEAD}, status=ActivityStatus.PLANNED)
    return criterion


def test_it_computes_the_criterion_from_the_matrix(member_a_client, leads):
    lines = {str(line.country): line for line in member_a_client.get(URL).context["lines"]}
    assert lines["Benin"].cells[2].rating == Rating.MET
    assert lines["Viet Nam"].cells[2].rating == Rating.NOT_MET


def test_it_names_the_leading_agencies_as_evidence(member_a_client, leads):
    benin = next(
        line for line in member_a_client.get(URL).context["lines"] if line.country.code == "BJ"
    )
    assert "ILO, WHO" in benin.cells[2].evidence
    assert benin.cells[2].computed and not benin.cells[2].evidence_missing


def test_it_counts_the_computed_criterion_in_the_score(member_a_client, leads):
    SelectionCriterion.objects.filter(pk=leads.pk).update(weight=2)
    lines = member_a_client.get(URL).context["lines"]
    # Benin: (1 + 0.5 + 1 x 2) / 4; Viet Nam: (1 + 1 + 0 x 2) / 4.
    assert [(str(line.country), line.score) for line in lines] == [
        ("Benin", 0.875),
        ("Viet Nam", 0.5),
    ]


def queries_of(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        client.get(URL)
    return len(captured)


def test_it_costs_the_same_queries_for_2_or_12_countries(member_a_client, leads, criteria):
    few = queries_of(member_a_client)
    for code in ("FR", "DE", "IT", "ES", "PT", "BE", "NL", "AT", "PL", "SE"):
        CountryAssessment.objects.create(
            country=make_country(code), criterion=criteria[0], rating=Rating.MET, note="x"
        )
    assert queries_of(member_a_client) == few
