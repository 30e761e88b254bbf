"""Reminders are written in the recipient's language; focal points without account: English."""

import datetime

from django.utils import translation

from tests.factories import make_agency, make_focal_point, make_member
from tests.workplan.conftest import make_deliverable

DUE = datetime.date(2030, 5, 31)


def speaks(user, language: str) -> None:
    user.profile.language = language
    user.profile.save()


def html_of(message) -> str:
    return message.alternatives[0][0]


def test_it_writes_to_a_french_speaker_in_french(run_sweep, db):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    speaks(make_member(agency, username="marie"), "fr")
    (message,) = run_sweep(DUE)
    assert 'lang="fr"' in html_of(message)
    assert "31 mai 2030" in message.body


def test_it_writes_to_a_focal_point_without_account_in_english(run_sweep, db):
    agency = make_agency("ILO")
    make_deliverable(DUE, contacts=(make_focal_point(agency, email="fp@example.org"),))
    (message,) = run_sweep(DUE)
    assert 'lang="en"' in html_of(message)
    assert "31 May 2030" in message.body


def test_it_uses_the_account_settings_of_a_focal_point_with_the_same_address(run_sweep, db):
    agency = make_agency("ILO")
    member = make_member(agency, username="ana", email="Ana@Example.org")
    member.profile.language = "es"
    member.profile.save()
    make_deliverable(DUE, contacts=(make_focal_point(agency, email="ana@example.org"),))
    (message,) = run_sweep(DUE)
    assert "31 de mayo de 2030" in message.body


def test_it_words_the_french_email_from_the_catalogue(run_sweep, db):
    agency = make_agency("ILO")
    make_deliverable(DUE, agencies=(agency,))
    speaks(make_member(agency, username="marie"), "fr")
    (message,) = run_sweep(DUE)
    with translation.override("fr"):
        hello = translation.gettext("Hello,")
    assert hello != "Hello,"
    assert message.body.startswith(hello)
