"""The secretariat's journey, in the browser: open a round for two agencies, watch the
dashboard change while a member (in another browser) answers, restore an earlier version."""

import datetime

import pytest
from django.utils import timezone

from activities.concurrency import save_activity
from rounds.models import RoundAgency, UpdateRound
from tests.browser.conftest import log_in_and_wait, wait_for_htmx
from tests.factories import (
    Role,
    make_activity,
    make_agency,
    make_country,
    make_member,
    make_secretariat,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def coalition():
    """Agencies A and B with rows, a third member agency not to ask; an activity renamed once."""
    agency_a, agency_b = make_agency("AGA", name="Agency A"), make_agency("AGB", name="Agency B")
    make_agency("AGC", name="Agency C")
    viet_nam = make_country("VN")
    make_activity(viet_nam, {agency_a: Role.LEAD}, title="Pension reform study")
    make_activity(viet_nam, {agency_b: Role.LEAD}, title="Health financing")
    renamed = make_activity(viet_nam, {agency_a: Role.LEAD}, title="Costing study")
    member = make_member(agency_a, username="member_a", email="ana@agency-a.example.org")
    renamed.title = "Costing study (wrong title)"
    renamed._history_user = member
    save_activity(renamed, renamed.version)
    return renamed


def test_it_walks_the_secretariat_through_a_round_and_a_restore(page, other_page, coalition):
    from playwright.sync_api import expect

    make_secretariat(username="sec", email="sec@ilo.example.org")
    log_in_and_wait(page, "sec@ilo.example.org")

    # Open a round from the front-end, asking A and B only.
    page.goto(f"{page.base_url}/rounds/open/")
    page.fill("input[name=title]", "2025 matrix update")
    deadline = timezone.localdate() + datetime.timedelta(days=21)
    page.fill("input[name=deadline]", deadline.isoformat())
    page.fill("textarea[name=message]", "Please check your rows.")
    for acronym, wanted in (("AGA", True), ("AGB", True), ("AGC", False)):
        page.locator(".agency-choices").get_by_label(acronym, exact=True).set_checked(wanted)
    page.get_by_role("button", name="Open the round").click()
    expect(page.locator(".messages")).to_contain_text("2 agencies asked")
    update_round = UpdateRound.objects.get(title="2025 matrix update")
    assert sorted(update_round.parts.values_list("agency__acronym", flat=True)) == ["AGA", "AGB"]
    row_a = page.locator("tr.part", has_text="AGA")
    expect(row_a.locator(".round-status")).to_have_text("Not started")

    # Meanwhile, in another browser, a member of A confirms one row from the checklist.
    log_in_and_wait(other_page, "ana@agency-a.example.org")
    other_page.locator(".round-banner").get_by_role("link", name="Open the checklist").click()
    wait_for_htmx(other_page)
    first_row = other_page.locator("table.checklist tbody tr").first
    first_row.get_by_role("button", name="Confirm as current").click()
    expect(first_row.locator(".answer--confirmed")).to_be_visible()

    # The dashboard, reloaded, shows A at work and B not started.
    page.reload()
    expect(row_a.locator(".round-status")).to_have_text("In progress")
    expect(row_a).to_contain_text("1 of 2")
    expect(page.locator("tr.part", has_text="AGB").locator(".round-status")).to_have_text(
        "Not started"
    )
    assert RoundAgency.objects.get(round=update_round, agency__acronym="AGA").last_activity_at

    # Restore the activity's first version from its history page.
    page.goto(f"{page.base_url}/activities/{coalition.reference}/history/")
    created = page.locator("li.history-entry", has_text="Created")
    created.get_by_role("button", name="Restore this version").click()
    # The preview shows what would change, and nothing changed yet.
    expect(page.locator(".restore-changes")).to_contain_text("Costing study (wrong title)")
    page.locator("main form[method=post]").get_by_role("button").click()
    expect(page.locator(".messages")).to_contain_text("earlier version is restored")
    newest = page.locator("li.history-entry").first
    expect(newest.locator(".history-reason")).to_contain_text("Restored version of")
    expect(newest.locator(".history-changes")).to_contain_text("Costing study (wrong title)")
    coalition.refresh_from_db()
    assert coalition.title == "Costing study"
