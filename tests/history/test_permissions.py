"""Who may read an activity's history and restore a version."""

import pytest
from django.urls import reverse

from activities.models import Activity
from tests.outcomes import MEMBERS_AND_SECRETARIAT, SECRETARIAT_ONLY, outcome


@pytest.mark.parametrize(
    "persona_client, expected",
    MEMBERS_AND_SECRETARIAT,
    indirect=["persona_client"],
)
def test_it_shows_the_history_to_members_and_the_secretariat(persona_client, expected, activity):
    url = reverse("activities:history", kwargs={"reference": activity.reference})
    assert outcome(persona_client.get(url)) == expected


@pytest.mark.parametrize(
    "persona_client, expected",
    SECRETARIAT_ONLY,
    indirect=["persona_client"],
)
def test_it_lets_only_the_secretariat_restore(persona_client, expected, activity, first_version):
    url = reverse("activities:restore", kwargs={"reference": activity.reference})
    response = persona_client.post(
        url, {"history_id": first_version.history_id, "version": activity.version}
    )
    assert outcome(response) == expected
    restored = Activity.objects.get(pk=activity.pk).title == "First title"
    assert restored == (expected == 200)


@pytest.mark.parametrize(
    "persona_client, shows_button",
    [("member_a", False), ("secretariat", True)],
    indirect=["persona_client"],
)
def test_it_offers_restore_to_the_secretariat_only(persona_client, shows_button, activity):
    url = reverse("activities:history", kwargs={"reference": activity.reference})
    html = persona_client.get(url).content.decode()
    assert ("Restore this version" in html) == shows_button
    assert "csrfmiddlewaretoken" in html or not shows_button
