"""A week in French, in the browser: the secretariat opens a round for two agencies, one with
no member (listed before opening, "invite someone" from there); the invited French member
follows the emailed link, lands on French pages, opens the round's email link, answers every
row and submits. Emails are read at Django's outbox, in the recipient's language."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from rounds.models import RoundAgency
from tests.browser.conftest import log_in_and_wait, wait_for_htmx
from tests.factories import Role, make_activity, make_agency, make_country, make_secretariat
from tests.workplan.conftest import eager_celery  # noqa: F401  (tasks run in-process)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FRENCH_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


@pytest.fixture
def coalition():
    """AGA (no member yet, two rows) and AGB (no member, one row), both coalition members."""
    agency_a = make_agency("AGA", name="Agence A", is_member=True)
    agency_b = make_agency("AGB", name="Agence B", is_member=True)
    senegal = make_country("SN", region="africa")
    make_activity(senegal, {agency_a: Role.LEAD}, title="Étude sur les pensions")
    make_activity(senegal, {agency_a: Role.PARTNER, agency_b: Role.LEAD}, title="Transferts")
    make_secretariat(username="sec", email="sec@ilo.example.org")
    return agency_a, agency_b


def link_in(message, pattern: str) -> str:
    match = re.search(pattern, message.body)
    assert match, message.body
    return match.group(0)


def test_it_runs_a_round_for_a_french_member_in_french(
    page, other_page, coalition, live_server, settings
):
    from playwright.sync_api import expect

    settings.SITE_URL = live_server.url  # the emails' links lead to this test's server
    agency_a, _agency_b = coalition
    log_in_and_wait(page, "sec@ilo.example.org")

    # Before opening: both agencies are listed as having nobody who could answer.
    page.goto(f"{page.base_url}/rounds/open/")
    expect(page.locator("#unreachable-agencies")).to_contain_text("AGA")
    expect(page.locator("#unreachable-agencies")).to_contain_text("AGB")

    # "Invite someone" for AGA: the invite form comes with the agency, in French.
    page.locator("#unreachable-agencies li", has_text="AGA").get_by_role("link").click()
    page.fill("input[name=email]", "Marie.Dupont@agence-a.example.org")
    page.fill("input[name=first_name]", "Marie")
    page.select_option("select[name=language]", "fr")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("marie.dupont@agence-a.example.org")
    (invitation,) = mail.outbox
    assert invitation.extra_headers["Content-Language"] == "fr"

    # Open the round for the two agencies: "None", then tick AGA and AGB.
    page.goto(f"{page.base_url}/rounds/open/")
    expect(page.locator("#unreachable-agencies")).not_to_contain_text("AGA")
    page.get_by_role("button", name="None").click()
    expect(page.locator(".agency-choices input:checked")).to_have_count(0)
    page.get_by_role("button", name="All").click()
    expect(page.locator(".agency-choices input:not(:checked)")).to_have_count(0)
    page.fill("input[name=title]", "Mise à jour 2030")
    deadline = timezone.localdate() + datetime.timedelta(days=21)
    page.fill("input[name=deadline]", deadline.isoformat())
    page.get_by_role("button", name="Open the round").click()
    expect(page.locator(".messages")).to_contain_text("Nobody can answer for AGB")
    expect(page.locator("tr.part", has_text="AGB").locator(".no-member")).to_be_visible()
    expect(page.locator("tr.part", has_text="AGA").locator(".no-member")).to_have_count(0)

    # One round email, to the French member, in French, with the deadline and her checklist.
    (round_email,) = mail.outbox[1:]
    assert round_email.to == ["marie.dupont@agence-a.example.org"]
    assert round_email.extra_headers["Content-Language"] == "fr"
    assert f"{deadline.day} {FRENCH_MONTHS[deadline.month - 1]} {deadline.year}" in round_email.body
    checklist = link_in(round_email, r"https?://\S+/rounds/parts/\d+/")

    # The member follows her invitation, chooses a password and lands on French pages.
    other_page.goto(link_in(invitation, r"https?://\S+/accounts/invitation/\S+/"))
    expect(other_page.locator("html")).to_have_attribute("lang", "fr")
    other_page.fill("input[name=new_password1]", "une-phrase-de-passe-42")
    other_page.fill("input[name=new_password2]", "une-phrase-de-passe-42")
    other_page.locator("main form button[type=submit]").click()
    expect(other_page.locator("html")).to_have_attribute("lang", "fr")
    expect(other_page.locator("nav")).to_contain_text("Matrice")

    # Logged out and in again, with an English browser: still French.
    other_page.locator("form[action$='/logout/'] button").click()
    log_in_and_wait(other_page, "marie.dupont@agence-a.example.org", "une-phrase-de-passe-42")
    expect(other_page.locator("html")).to_have_attribute("lang", "fr")

    # The link of the round's email: answer every row, then submit.
    other_page.goto(checklist)
    expect(other_page.locator("html")).to_have_attribute("lang", "fr")
    wait_for_htmx(other_page)
    for row in other_page.locator("table.checklist tbody tr").all():
        row.locator("form[action$='/confirm/'] button").click()
        expect(row.locator(".answer--confirmed")).to_be_visible()
    other_page.locator("form[action$='/submit/'] button").click()
    expect(other_page.locator("#round-submit time")).to_be_visible()
    part = RoundAgency.objects.get(agency=agency_a)
    assert part.submitted_at is not None
    assert part.submitted_by.email == "marie.dupont@agence-a.example.org"
