"""A round speaks each member's language (title and message in English, French, Spanish), and
no reminder whose time had passed when the round opened follows the opening email."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from accounts.language import set_language
from rounds.services import open_round
from tests.factories import make_agency, make_member, make_secretariat
from workplan.models import ReminderPolicy

pytestmark = pytest.mark.postgres
OPENED = datetime.date(2030, 3, 1)


@pytest.fixture
def french_round(db, django_capture_on_commit_callbacks):
    agency = make_agency("ILO")
    french = make_member(agency, username="fatou")
    set_language(french, "fr")
    make_member(agency, username="ed")  # English
    with django_capture_on_commit_callbacks(execute=True):
        return open_round(
            make_secretariat("sec"),
            title="Mid-year update",
            title_fr="Mise à jour de mi-année",
            message="Check your rows.",
            message_fr="Vérifiez vos lignes.",
            deadline=datetime.date(2030, 3, 31),
            agencies=[agency],
        )


def test_each_member_gets_the_round_in_their_language(french_round):
    by_person = {email.to[0]: email for email in mail.outbox}
    assert "Mise à jour de mi-année" in by_person["fatou@example.org"].subject
    assert "Vérifiez vos lignes." in by_person["fatou@example.org"].body
    assert "Mid-year update" in by_person["ed@example.org"].subject
    assert "Check your rows." in by_person["ed@example.org"].body


def test_the_checklist_shows_the_round_in_the_members_language(client, french_round):
    part = french_round.parts.get()
    person = make_member(part.agency, username="fr2")
    set_language(person, "fr")
    # As a login reads them: the person fresh from the database (the profile held by
    # `person` still says English).
    client.force_login(User.objects.get(pk=person.pk))
    page = client.get(reverse("rounds:checklist", kwargs={"part_id": part.pk}))
    assert "Mise à jour de mi-année" in page.content.decode()


def test_a_translation_left_empty_falls_back_to_english(french_round):
    assert french_round.title_in("es") == "Mid-year update"
    assert french_round.message_in("es") == "Check your rows."


def test_no_reminder_whose_time_passed_before_the_opening(run_sweep, db):
    """Deadline 30 days after opening, reminders at 45 and 3 days: the 45-day one had come
    before the round opened, so the day after opening sends nothing; 3 days before, yes."""
    ReminderPolicy.objects.create(days_before="45,3")
    agency = make_agency("ILO")
    make_member(agency, username="mina")
    with time_machine.travel(datetime.datetime(2030, 3, 1, 9, tzinfo=datetime.UTC), tick=False):
        open_round(
            make_secretariat("sec"),
            title="Round",
            deadline=datetime.date(2030, 3, 31),
            agencies=[agency],
        )
    assert run_sweep(datetime.date(2030, 3, 2)) == []
    sent = run_sweep(datetime.date(2030, 3, 28))
    assert [email.to for email in sent] == [["mina@example.org"]]


def test_a_reminder_names_the_round_in_each_members_language(run_sweep, db):
    """The reminder log keeps the round's English title; each email names it in its reader's."""
    ReminderPolicy.objects.create(days_before="3")
    agency = make_agency("ILO")
    set_language(make_member(agency, username="fatou"), "fr")
    make_member(agency, username="ed")
    with time_machine.travel(datetime.datetime(2030, 3, 1, 9, tzinfo=datetime.UTC), tick=False):
        open_round(
            make_secretariat("sec"),
            title="Mid-year update",
            title_fr="Mise à jour de mi-année",
            deadline=datetime.date(2030, 3, 31),
            agencies=[agency],
        )
    by_person = {email.to[0]: email for email in run_sweep(datetime.date(2030, 3, 28))}
    assert "Mise à jour de mi-année" in by_person["fatou@example.org"].subject
    assert "Mid-year update" not in by_person["fatou@example.org"].body
    assert "Mid-year update" in by_person["ed@example.org"].subject
