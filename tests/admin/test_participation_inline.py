import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from activities.models import ActivityAgency, Role
from tests.admin.forms import activity_post, roles
from tests.factories import make_activity, make_agency

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def change_url(activity) -> str:
    return reverse("admin:activities_activity_change", args=[activity.pk])


def test_it_refuses_two_lead_agencies_with_a_message(superuser_client):
    ilo, unicef = make_agency("ILO"), make_agency("UNICEF")
    activity = make_activity(agencies={ilo: Role.LEAD})
    ilo_link = ActivityAgency.objects.get(activity=activity, agency=ilo)
    data = activity_post(activity, [(ilo, Role.LEAD, ilo_link), (unicef, Role.LEAD, None)])
    response = superuser_client.post(change_url(activity), data)
    assert "Only one agency can lead an activity" in response.content.decode()
    assert roles(activity) == {"ILO": Role.LEAD}


def test_it_hands_the_lead_from_one_agency_to_another(superuser_client):
    ilo, unicef = make_agency("ILO"), make_agency("UNICEF")
    activity = make_activity(agencies={unicef: Role.PARTNER, ilo: Role.LEAD})
    links = {link.agency: link for link in ActivityAgency.objects.filter(activity=activity)}
    data = activity_post(
        activity, [(unicef, Role.LEAD, links[unicef]), (ilo, Role.PARTNER, links[ilo])]
    )
    response = superuser_client.post(change_url(activity), data)
    assert response.status_code == 302
    assert roles(activity) == {"ILO": Role.PARTNER, "UNICEF": Role.LEAD}


def test_it_refuses_to_leave_an_activity_without_agencies(superuser_client):
    ilo = make_agency("ILO")
    activity = make_activity(agencies={ilo: Role.LEAD})
    link = ActivityAgency.objects.get(activity=activity)
    data = activity_post(activity, [(ilo, Role.LEAD, link)])
    data["participations-0-DELETE"] = "on"
    response = superuser_client.post(change_url(activity), data)
    assert "Name at least one agency taking part." in response.content.decode()
    assert roles(activity) == {"ILO": Role.LEAD}


def test_it_lists_the_agency_changes_in_the_admin_log(superuser_client):
    ilo, unicef = make_agency("ILO"), make_agency("UNICEF")
    activity = make_activity(agencies={ilo: Role.LEAD})
    link = ActivityAgency.objects.get(activity=activity)
    data = activity_post(activity, [(ilo, Role.LEAD, link), (unicef, Role.PARTNER, None)])
    response = superuser_client.post(change_url(activity), data)
    entry = LogEntry.objects.get(object_id=str(activity.pk))
    assert response.status_code == 302
    assert "Added participating agency “UNICEF (Partner)”." in entry.get_change_message()
