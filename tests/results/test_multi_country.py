"""An activity in several countries reports per country: its value form asks which (or the
whole activity), a country it does not cover is refused, each country has its own value for
a period, and a member of its agencies adds milestones in each of its countries."""

from decimal import Decimal

import pytest
from django.urls import reverse

from activities.models import Scope
from activities.places import set_places
from results.models import ResultValue
from tests.factories import make_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def mali(db):
    return make_country("ML")


@pytest.fixture
def shared(activity_a, senegal, mali):
    set_places(
        activity_a, scope=Scope.MULTI_COUNTRY, region="", main=senegal, countries=[senegal, mali]
    )
    return activity_a


def post(client, link, period, country, value="100"):
    data = {
        "period": period.pk,
        "country": country.pk if country else "",
        "value": value,
        "then": "draft",
    }
    return client.post(reverse("results:value_add", args=[link.pk]), data)


def test_each_country_has_its_own_value_for_the_period(
    member_a_client, shared, link, period, senegal, mali
):
    page = member_a_client.get(reverse("results:value_add", args=[link.pk])).content.decode()
    assert 'name="country"' in page and "Mali" in page
    assert post(member_a_client, link, period, senegal).status_code == 302
    assert post(member_a_client, link, period, mali, "40").status_code == 302
    assert post(member_a_client, link, period, None, "140").status_code == 302
    found = sorted((str(v.country or "-"), v.value) for v in ResultValue.objects.all())
    assert found == [("-", Decimal(140)), ("Mali", Decimal(40)), ("Senegal", Decimal(100))]
    again = post(member_a_client, link, period, mali)
    assert again.status_code == 400 and "already has a value for 2025" in again.content.decode()


def test_a_country_the_activity_does_not_cover_is_refused(member_a_client, shared, link, period):
    response = post(member_a_client, link, period, make_country("GH"))
    assert response.status_code == 400
    assert not ResultValue.objects.exists()


def test_a_one_country_activity_asks_no_country(member_a_client, link):
    page = member_a_client.get(reverse("results:value_add", args=[link.pk])).content.decode()
    assert 'name="country"' not in page


def test_its_members_add_milestones_in_each_of_its_countries(member_a_client, shared):
    make_country("GH")
    assert member_a_client.get(reverse("results:milestone_add", args=["ML"])).status_code == 200
    assert member_a_client.get(reverse("results:milestone_add", args=["GH"])).status_code == 403
