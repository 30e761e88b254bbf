"""The weekly digest names each change ("edited", "new") in its reader's language, not in the
language of whoever runs the job."""

import datetime

import time_machine
from django.utils import translation

from tests.follows.test_digest import MONDAY, during_the_week, follower, send  # noqa: F401


def test_it_labels_the_changes_in_the_follower_s_language(follower, mailoutbox):  # noqa: F811
    follower.profile.language = "fr"
    follower.profile.save()
    activity = during_the_week(title="Costing")
    with time_machine.travel(MONDAY - datetime.timedelta(days=1), tick=False):
        activity.title = "Costing the floor"
        activity.save()
    with translation.override("en"):
        send()
    body = mailoutbox[0].body
    assert f"MODIFIÉE · {activity.reference}" in body
    assert "EDITED" not in body
