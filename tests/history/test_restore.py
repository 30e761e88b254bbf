from django.urls import reverse

from activities.models import Activity, ActivityStatus, Role


def _restore(client, activity, record, version=None):
    url = reverse("activities:restore", kwargs={"reference": activity.reference})
    data = {"history_id": record.history_id, "version": version or activity.version}
    return client.post(url, data)


def _roles(activity):
    return dict(activity.participations.values_list("agency__acronym", "role"))


def test_it_brings_back_the_fields(secretariat_client, activity, first_version):
    _restore(secretariat_client, activity, first_version)
    restored = Activity.objects.get(pk=activity.pk)
    assert (restored.title, restored.status) == ("First title", ActivityStatus.PLANNED)
    assert restored.version == activity.version + 1


def test_it_brings_back_the_agencies_and_roles(secretariat_client, activity, second_version):
    assert _roles(activity) == {"AGA": Role.PARTNER, "AGB": Role.LEAD}
    _restore(secretariat_client, activity, second_version)
    assert _roles(activity) == {"AGA": Role.LEAD}


def test_it_is_itself_in_the_history(secretariat_client, secretariat, activity, first_version):
    _restore(secretariat_client, activity, first_version)
    latest = activity.history.order_by("-history_date").first()
    assert latest.history_change_reason.startswith("Restored version of ")
    assert latest.history_user == secretariat


def test_it_shows_the_restore_on_the_history_page(secretariat_client, activity, second_version):
    _restore(secretariat_client, activity, second_version)
    url = reverse("activities:history", kwargs={"reference": activity.reference})
    newest = secretariat_client.get(url).context["versions"][0]
    assert newest.reason.startswith("Restored version of ")
    assert "AGB removed (was Lead)" in newest.agency_changes


def test_it_refuses_a_stale_page(secretariat_client, activity, first_version):
    activity.title = "Edited meanwhile"
    activity.save()
    _restore(secretariat_client, activity, first_version, version=activity.version - 1)
    assert Activity.objects.get(pk=activity.pk).title == "Edited meanwhile"
    assert _roles(activity) == {"AGA": Role.PARTNER, "AGB": Role.LEAD}


def test_it_refuses_a_version_of_another_activity(secretariat_client, activity, agency_a):
    from tests.factories import make_activity

    other = make_activity(agencies={agency_a: Role.LEAD}, title="Other")
    record = other.history.first()
    response = _restore(secretariat_client, activity, record)
    assert Activity.objects.get(pk=activity.pk).title == "Third title"
    assert response.status_code == 302


def test_it_names_the_field_of_bad_input(secretariat_client, activity):
    url = reverse("activities:restore", kwargs={"reference": activity.reference})
    response = secretariat_client.post(url, {"history_id": "abc"}, follow=True)
    assert "history_id" in response.content.decode()
    assert Activity.objects.get(pk=activity.pk).title == "Third title"
