import datetime

import pytest
from django.urls import reverse

from activities.models import Activity
from agencies.models import Agency, FocalPoint
from tests.admin.forms import activity_post
from tests.factories import make_activity, make_agency, make_country

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_it_explains_an_end_date_before_the_start(superuser_client):
    activity = make_activity(start_date=datetime.date(2012, 6, 1))
    url = reverse("admin:activities_activity_change", args=[activity.pk])
    data = activity_post(activity, [], end_date="2012-05-31")
    response = superuser_client.post(url, data)
    assert "The end date cannot be before the start date." in response.content.decode()
    assert Activity.objects.get(pk=activity.pk).end_date is None


def test_it_explains_a_duplicate_acronym_whatever_its_case(superuser_client):
    make_agency("UNDP")
    data = {"acronym": "undp", "name": "Another", "kind": "un", "is_member": "on"}
    response = superuser_client.post(reverse("admin:agencies_agency_add"), data)
    assert "An agency with this acronym already exists." in response.content.decode()
    assert Agency.objects.count() == 1


def test_it_names_the_missing_country_of_a_country_focal_point(superuser_client):
    data = {"agency": make_agency().pk, "name": "Ana", "level": "country", "region": ""}
    response = superuser_client.post(reverse("admin:agencies_focalpoint_add"), data)
    errors = response.context["adminform"].form.errors
    assert errors["country"] == ["A country focal point needs a country."]
    assert not FocalPoint.objects.exists()


def test_it_names_the_stray_country_of_a_regional_focal_point(superuser_client):
    data = {
        "agency": make_agency().pk,
        "name": "Ana",
        "level": "regional",
        "region": "africa",
        "country": make_country("SN", region="africa").pk,
    }
    response = superuser_client.post(reverse("admin:agencies_focalpoint_add"), data)
    assert "country" in response.context["adminform"].form.errors
    assert not FocalPoint.objects.exists()
