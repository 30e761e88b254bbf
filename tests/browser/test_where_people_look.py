"""In Chromium, what people looked for where they were: Follow on a country's page, Edit on
their own row in the matrix, the help page from the footer, a sign of work while htmx
confirms a row or redraws the map, and a page for a refreshed POST-only address."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from follows.models import Follow
from rounds.models import RoundAgency
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
def member():
    ours, other = make_agency("AGA"), make_agency("AGB")
    viet_nam = make_country("VN")
    mine = make_activity(viet_nam, {ours: Role.LEAD}, title="Our costing")
    make_activity(viet_nam, {other: Role.LEAD}, title="Their study")
    make_activity(make_country("TG", region="africa"), {other: Role.LEAD}, title="Togo")
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    open_round(make_secretariat(), title="Mid-year", deadline=deadline, agencies=[ours])
    person = make_member(ours, username="ana", email="ana@example.org")
    return {"person": person, "mine": mine, "agency": ours}


def test_a_member_follows_a_country_from_its_page(page, member):
    log_in_and_wait(page, "ana@example.org")
    page.goto(f"{page.base_url}/countries/VN/")
    page.get_by_role("button", name="Follow").click()
    expect(page).to_have_url(f"{page.base_url}/countries/VN/")
    expect(page.locator(".follow-button")).to_contain_text("You follow it")
    assert Follow.objects.filter(user=member["person"], country__code="VN").exists()


def test_a_member_edits_their_row_from_the_matrix(page, member):
    log_in_and_wait(page, "ana@example.org")
    page.goto(f"{page.base_url}/matrix/")
    expect(page.locator("a.row-edit")).to_have_count(1)
    page.locator("a.row-edit").click()
    expect(page).to_have_url(f"{page.base_url}/activities/{member['mine'].pk}/edit/")


def test_the_footer_leads_to_the_help_page(page, member):
    page.goto(f"{page.base_url}/matrix/")
    page.locator("footer").get_by_role("link", name="Help").click()
    expect(page.locator("h1")).to_have_text("Help")
    expect(page.locator("#rounds")).to_be_visible()


def test_the_map_says_it_is_redrawing(page, member):
    page.goto(f"{page.base_url}/map/")
    wait_for_htmx(page)
    expect(page.locator("#map-busy")).to_be_hidden()
    page.route("**/map/data/**", lambda route: (page.wait_for_timeout(1500), route.continue_()))
    page.select_option("select[name=region]", "africa")
    expect(page.locator("#map-busy")).to_be_visible()
    expect(page.locator("#map-busy")).to_be_hidden()


def test_confirming_a_row_shows_it_is_saving(page, member):
    part = RoundAgency.objects.get(agency=member["agency"])
    log_in_and_wait(page, "ana@example.org")
    page.goto(f"{page.base_url}/rounds/parts/{part.pk}/")
    wait_for_htmx(page)
    row = page.locator(f"#row-{member['mine'].pk}")
    page.route("**/confirm/**", lambda route: (page.wait_for_timeout(1500), route.continue_()))
    row.get_by_role("button", name="Confirm as current").click()
    expect(row.locator(".htmx-indicator").first).to_be_visible()
    expect(page.locator(f"#row-{member['mine'].pk} .answer")).to_be_visible()


def test_a_refreshed_submit_address_gets_a_page(page, member):
    part = RoundAgency.objects.get(agency=member["agency"])
    log_in_and_wait(page, "ana@example.org")
    response = page.goto(f"{page.base_url}/rounds/parts/{part.pk}/submit/")
    assert response.status == 405
    expect(page.locator("h1")).to_have_text("Nothing to show at this address")
