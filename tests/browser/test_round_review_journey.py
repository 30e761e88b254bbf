"""A round closes the loop, in the browser: the secretariat returns ILO's submission with a
reason; an ILO member (French, on a phone) reads it, comments on the row, proposes UNICEF as
co-lead; a UNICEF member accepts from UNICEF's checklist; ILO resubmits; the secretariat
accepts and closes the round. After a later edit, the matrix as of that close still shows
the row as it was, and the diff with the previous round lists exactly the changes made."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from accounts.language import set_language
from activities.services import update_activity
from rounds.models import Comment, RoundAgency, UpdateRound
from rounds.services import close_round, open_round, submit_part
from tests.browser.conftest import log_in_and_wait
from tests.factories import (
    Role,
    make_activity,
    make_agency,
    make_country,
    make_member,
    make_secretariat,
)
from tests.workplan.conftest import eager_celery  # noqa: F401  (tasks run in-process)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def coalition():
    """ILO leads a costing row in Senegal; the previous round closed a week ago; a new round
    asks ILO and UNICEF, and ILO has submitted its part."""
    ilo = make_agency("ILO", name="International Labour Organization", is_member=True)
    unicef = make_agency("UNICEF", name="UNICEF", is_member=True)
    senegal = make_country("SN", region="africa")
    secretariat = make_secretariat(username="sec")
    week_ago = timezone.now() - datetime.timedelta(days=7)
    with time_machine.travel(week_ago - datetime.timedelta(days=1), tick=False):
        row = make_activity(senegal, {ilo: Role.LEAD}, title="Pension costing")
        previous = open_round(
            secretariat, title="Round 2011", deadline=week_ago.date(), agencies=[ilo, unicef]
        )
    with time_machine.travel(week_ago, tick=False):
        close_round(previous)
    amina = make_member(ilo, username="amina", first_name="Amina")
    set_language(amina, "fr")
    make_member(unicef, username="ugo", first_name="Ugo")
    current = open_round(
        secretariat,
        title="Mid-year 2012",
        title_fr="Mi-année 2012",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
        agencies=[ilo, unicef],
    )
    submit_part(amina, current.parts.get(agency=ilo))
    return row, previous, current


def test_a_round_is_reviewed_discussed_agreed_closed_and_compared(
    page, other_page, browser, live_server, coalition, settings
):
    from playwright.sync_api import expect

    settings.SITE_URL = live_server.url
    row, previous, current = coalition
    ilo_part = current.parts.get(agency__acronym="ILO")
    unicef_part = current.parts.get(agency__acronym="UNICEF")
    dashboard = f"{page.base_url}/rounds/{current.pk}/"

    # The secretariat returns ILO's submission with a reason.
    log_in_and_wait(page, "sec")
    page.goto(dashboard)
    part_row = page.locator(f"#part-{ilo_part.pk}")
    part_row.locator("details.return-part summary").click()
    part_row.locator("textarea[name=reason]").fill("Le statut de Pension costing date de 2011.")
    part_row.locator("details.return-part button[type=submit]").click()
    expect(page.locator(".messages, .message").first).to_contain_text("returned for revision")
    assert RoundAgency.objects.get(pk=ilo_part.pk).returned_at is not None

    # Amina (ILO, French) on a phone: reads the reason, comments, proposes UNICEF co-lead.
    phone_context = browser.new_context(viewport=PHONE, locale="fr-FR")
    phone_context.set_default_timeout(10_000)
    phone = phone_context.new_page()
    phone.base_url = live_server.url
    try:
        log_in_and_wait(phone, "amina")
        phone.goto(f"{phone.base_url}/rounds/parts/{ilo_part.pk}/")
        expect(phone.locator(".round-returned")).to_contain_text("date de 2011")
        expect(phone.locator("h1")).to_contain_text("Mi-année 2012")
        phone.goto(f"{phone.base_url}/activities/{row.reference}/history/")
        phone.fill("#comment-body", "@UNICEF pouvez-vous co-diriger cette ligne ?")
        phone.locator("form.comment-form button[type=submit]").click()
        expect(phone.locator(".comment-body").first).to_contain_text("co-diriger")
        phone.goto(f"{phone.base_url}/activities/{row.pk}/edit/")
        phone.fill("input[name='agencies-1-agency']", "UNICEF")
        phone.select_option("select[name='agencies-1-role']", "co-lead")
        phone.locator("form.edit-form button[type=submit]").last.click()
        phone.wait_for_url("**/my/**")
        assert set(row.participations.values_list("agency__acronym", flat=True)) == {"ILO"}
        assert Comment.objects.filter(activity=row).count() == 1

        # Ugo (UNICEF) accepts from UNICEF's checklist.
        log_in_and_wait(other_page, "ugo")
        other_page.goto(f"{other_page.base_url}/rounds/parts/{unicef_part.pk}/")
        proposal = other_page.locator(".role-proposal")
        expect(proposal).to_contain_text("Pension costing")
        proposal.locator("form[action$='/accept/'] button").click()
        expect(other_page.locator(".role-proposal")).to_have_count(0)
        roles = dict(row.participations.values_list("agency__acronym", "role"))
        assert roles == {"ILO": "lead", "UNICEF": "co-lead"}

        # Amina resubmits.
        phone.goto(f"{phone.base_url}/rounds/parts/{ilo_part.pk}/")
        phone.locator("#round-submit form button").click()
        phone.wait_for_load_state()
        if phone.url.endswith("/submit/"):  # rows unanswered: the page names them, confirm
            phone.locator("form[action$='/submit/'] button[type=submit]").click()
        expect(phone.locator("#round-submit .message--success")).to_be_visible()
    finally:
        phone_context.close()
    part = RoundAgency.objects.get(pk=ilo_part.pk)
    assert part.submitted_at is not None and part.submissions == 2

    # The secretariat accepts and closes the round (after confirming).
    page.goto(dashboard)
    page.locator(f"#part-{ilo_part.pk} form[action$='/accept/'] button").click()
    expect(page.locator(f"#part-{ilo_part.pk}")).to_contain_text("Accepted")
    page.locator(f"form[action$='/rounds/{current.pk}/close/'] button").click()
    page.locator("form input[name=confirm]").locator("xpath=..").locator("button").click()
    current.refresh_from_db()
    assert current.closed_at is not None

    # A later edit: the matrix as of the close still shows the row as it was.
    row.refresh_from_db()
    row.title = "Pension costing, phase 2"
    update_activity(
        row.participations.get(agency__acronym="ILO").agency.memberships.first().profile.user,
        row,
        row.version,
    )
    page.goto(dashboard)
    page.get_by_role("link", name="The matrix as it was at the close").click()
    expect(page.locator(".past-view")).to_contain_text("A past view")
    table = page.locator(".table-wrap table")
    expect(table).to_contain_text("Pension costing")
    expect(table).not_to_contain_text("phase 2")
    expect(table).to_contain_text("UNICEF")

    # What changed since the previous round: exactly UNICEF joining as co-lead.
    page.goto(f"{dashboard}changes/?against={previous.pk}")
    rows = page.locator("tr.change")
    expect(rows).to_have_count(2)  # the row is listed under ILO and under UNICEF
    expect(rows.first).to_contain_text("UNICEF (co-lead)")
    expect(rows.first).not_to_contain_text("phase 2")
    assert UpdateRound.objects.get(pk=current.pk).closed_at is not None
