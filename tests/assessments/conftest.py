import datetime

import pytest

from countries.models import CountryAssessment, Rating, Region, SelectionCriterion
from tests.factories import make_country


@pytest.fixture
def criteria(db) -> list[SelectionCriterion]:
    return [
        SelectionCriterion.objects.create(number=1, title="A country request exists"),
        SelectionCriterion.objects.create(number=2, title="Favourable legal environment"),
    ]


@pytest.fixture
def assessed(criteria):
    """Viet Nam meets both criteria; Benin meets the first and partly the second."""
    viet_nam = make_country("VN")
    benin = make_country("BJ", Region.AFRICA)

    def rate(country, criterion, rating, note=""):
        return CountryAssessment.objects.create(
            country=country,
            criterion=criterion,
            rating=rating,
            note=note,
            assessed_on=datetime.date(2012, 5, 31),
        )

    rate(viet_nam, criteria[0], Rating.MET, "Request letter of March 2012")
    rate(viet_nam, criteria[1], Rating.MET)
    rate(benin, criteria[0], Rating.MET)
    rate(benin, criteria[1], Rating.PARTLY, '=HYPERLINK("http://x")')
    return {"VN": viet_nam, "BJ": benin}


@pytest.fixture
def works(assessed, agency_a, agency_b):
    """Agency A has an activity in Viet Nam, agency B one in Benin."""
    from activities.models import Role
    from tests.factories import make_activity

    make_activity(assessed["VN"], {agency_a: Role.PARTNER})
    make_activity(assessed["BJ"], {agency_b: Role.LEAD})
    return assessed


def assess(client, country, criterion, *, follow: bool = False, **fields):
    """POST the assessment form of `country` for `criterion`, based on its current version."""
    from django.urls import reverse

    stored = CountryAssessment.objects.filter(country=country, criterion=criterion).first()
    data = {
        "criterion": criterion.pk,
        "version": stored.version if stored else 0,
        "rating": Rating.PARTLY,
        "note": "Cabinet paper of May 2025",
        "assessed_on": "2025-05-20",
        **fields,
    }
    return client.post(reverse("countries:assessment", args=[country.code]), data, follow=follow)


@pytest.fixture
def second_client(secretariat):
    """The secretariat in a browser of its own, beside a persona's `client`."""
    from django.test import Client

    other = Client()
    other.force_login(secretariat)
    return other
