"""A member's journey through an update round, in the browser: log in, see the round banner,
edit a row inline (htmx, no page reload), add an activity, confirm the other rows, submit."""

import datetime

import pytest
from django.utils import timezone

from activities.models import Activity, ActivityStatus
from rounds.models import Outcome, RoundAgency, RowConfirmation
from rounds.services import open_round
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
def asked_agency():
    """Agency A with three rows, asked in an open round; another agency not asked."""
    agency, other = make_agency("AGA", name="Agency A"), make_agency("AGB", name="Agency B")
    viet_nam, togo = make_country("VN"), make_country("TG", region="africa")
    make_activity(
        viet_nam, {agency: Role.LEAD}, title="Pension reform study", status=ActivityStatus.PLANNED
    )
    make_activity(togo, {agency: Role.LEAD, other: Role.PARTNER}, title="Health financing")
    make_activity(togo, {other: Role.LEAD, agency: Role.PARTNER}, title="Cash transfers")
    make_activity(viet_nam, {other: Role.LEAD}, title="Not ours")
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    open_round(make_secretariat(), title="2025 matrix update", deadline=deadline, agencies=[agency])
    return agency


def test_it_walks_a_member_through_an_update_round(page, asked_agency):
    from playwright.sync_api import expect

    make_member(asked_agency, username="member_a", email="ana@agency-a.example.org")
    edited = Activity.objects.get(title="Pension reform study")

    # Log in with the email address; the banner names the round.
    log_in_and_wait(page, "ana@agency-a.example.org")
    expect(page.locator(".round-banner")).to_contain_text("2025 matrix update")

    # My agency's rows: one row's end date, saved inline without reloading the page.
    page.get_by_role("link", name="My agency's rows").click()
    expect(page.locator("h1")).to_contain_text("AGA's rows")
    wait_for_htmx(page)
    page.evaluate("() => { window.__marker = 1; }")
    row = page.locator(f"#row-{edited.pk}")
    row.locator("select[name=status]").select_option(ActivityStatus.ONGOING)
    row.locator("input[name=end_date]").fill("2026-06-30")
    row.get_by_role("button", name="Save").click()
    expect(page.locator(f"#row-{edited.pk} .row-notice")).to_contain_text("Saved")
    assert page.evaluate("() => window.__marker") == 1, "the quick edit reloaded the page"
    edited.refresh_from_db()
    assert (edited.status, edited.end_date) == (ActivityStatus.ONGOING, datetime.date(2026, 6, 30))

    # Add an activity through the form; the inputs suggest countries and agencies.
    page.get_by_role("link", name="Add an activity").first.click()
    expect(page.locator("#country-options option[value='Togo']")).to_have_count(1)
    expect(page.locator("#agency-options option[value='AGA']")).to_have_count(1)
    page.fill("input[name=country]", "Togo")
    page.fill("input[name=title]", "Social protection floor costing")
    page.select_option("select[name=activity_type]", "costing")
    page.fill("input[name=start_date]", "2025-03-01")
    page.fill("input[name=agencies-0-agency]", "AGA")
    page.select_option("select[name=agencies-0-role]", Role.LEAD)
    page.get_by_role("button", name="Add the activity").click()
    expect(page.locator(".messages")).to_contain_text("Added “Social protection floor costing”")
    added = Activity.objects.get(title="Social protection floor costing")
    assert added.participations.get().agency == asked_agency

    # The checklist: confirm every row not answered yet, then submit the agency's part.
    page.locator(".round-banner").get_by_role("link").first.click()
    expect(page.locator("h1")).to_contain_text("2025 matrix update")
    wait_for_htmx(page)
    waiting = page.locator("tr:has-text('Not answered yet')")
    expect(waiting).to_have_count(3)  # the edited row is answered already
    for row_id in waiting.evaluate_all("rows => rows.map(row => row.id)"):
        page.locator(f"#{row_id}").get_by_role("button", name="Confirm as current").click()
        expect(page.locator(f"#{row_id} .answer--confirmed")).to_be_visible()
    expect(waiting).to_have_count(0)
    page.locator("form[action$='/submit/'] button").click()
    expect(page.locator(".messages")).to_contain_text("your agency's part is submitted")

    part = RoundAgency.objects.get(agency=asked_agency)
    answers = dict(
        RowConfirmation.objects.filter(round_id=part.round_id).values_list("activity", "outcome")
    )
    assert part.submitted_at is not None
    assert answers == {
        activity.pk: Outcome.EDITED if activity == edited else Outcome.CONFIRMED
        for activity in Activity.objects.with_agency(asked_agency.pk)
    }
