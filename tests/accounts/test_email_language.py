"""Every email the hub sends a person is in the language accounts.language gives: the
profile's, if the hub speaks it, else English. One table for the five emails, so that none
works the language out on its own again (a profile can hold a language the hub no longer
offers: a settings change, a hand-made row)."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.invitations import send_invitation
from accounts.language import language_of
from accounts.models import Profile
from follows.digest import send_follow_digests
from follows.models import Follow
from rounds.emails import announce
from rounds.models import RoundAgency, UpdateRound
from tests.accounts.helpers import html_body
from tests.factories import make_activity, make_country, make_member

# The reminder sweep, run in-process (tasks eager), as the workplan's reminder tests run it.
from tests.workplan.conftest import eager_celery, make_deliverable, run_sweep  # noqa: F401

pytestmark = pytest.mark.django_db

DUE = datetime.date(2030, 5, 31)  # a step of the 2030 workplan, swept on its due day


def digest(person: User, request) -> None:
    country = make_country("SN", region="africa")
    Follow.objects.create(user=person, country=country)
    make_activity(country, title="Pension study")
    send_follow_digests(timezone.now() + datetime.timedelta(minutes=1))


def round_opened(person: User, request) -> None:
    update_round = UpdateRound.objects.create(
        title="Mid-year update", deadline=timezone.localdate() + datetime.timedelta(days=10)
    )
    part = RoundAgency.objects.create(round=update_round, agency=person.profile.agencies.get())
    announce([part.pk])


def invitation(person: User, request) -> None:
    # As the admin's "send again" reads the person: the profile is not loaded with them.
    send_invitation(User.objects.get(pk=person.pk))


def password_reset(person: User, request) -> None:
    request.getfixturevalue("client").post(reverse("password_reset"), {"email": person.email})


def reminder(person: User, request) -> None:
    make_deliverable(DUE, agencies=(person.profile.agencies.get(),))
    request.getfixturevalue("run_sweep")(DUE)


EMAILS = [digest, round_opened, invitation, password_reset, reminder]


@pytest.mark.parametrize(
    "stored, expected",
    [
        ("fr", "fr"),
        ("es", "es"),
        ("en", "en"),
        # The rule's check: a language the hub does not speak falls back to English.
        ("de", "en"),
        ("", "en"),
    ],
)
@pytest.mark.parametrize("send", EMAILS, ids=lambda send: send.__name__)
def test_each_email_speaks_the_rule_s_language(request, agency_a, send, stored, expected):
    person = make_member(agency_a, username="ana", email="ana@example.org")
    # update(): the profile's own validation would refuse "de"; old rows may still hold it.
    Profile.objects.filter(user=person).update(language=stored)
    person = User.objects.get(pk=person.pk)
    assert language_of(person) == expected
    send(person, request)
    [message] = mail.outbox
    assert message.to == ["ana@example.org"]
    assert message.extra_headers.get("Content-Language", expected) == expected
    assert f'<html lang="{expected}">' in html_body(message)


def test_a_profile_loaded_with_the_person_costs_no_query(django_assert_num_queries, member_a):
    person = User.objects.select_related("profile").get(pk=member_a.pk)
    Profile.objects.filter(user=person).update(language="es")
    person.profile.language = "fr"  # what the emails' query read
    with django_assert_num_queries(0):
        assert language_of(person) == "fr"


def test_a_person_without_a_profile_reads_english(member_a):
    Profile.objects.filter(user=member_a).delete()
    assert language_of(User.objects.get(pk=member_a.pk)) == "en"
