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
