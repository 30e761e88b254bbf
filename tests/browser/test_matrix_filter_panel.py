"""The matrix's filter panel in a browser: searchable lists of countries and agencies (Tom
Select), folded once filters are set, and no "Hold Ctrl" hint on a phone."""

import pytest
from playwright.sync_api import expect

from tests.factories import Role, make_activity, make_agency, make_country

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HINT = "Hold Ctrl"


@pytest.fixture
def rows():
    ilo, who = make_agency("ILO"), make_agency("WHO")
    make_activity(make_country("VN"), {ilo: Role.LEAD}, title="SPF task force")
    make_activity(make_country("CI", region="africa"), {who: Role.LEAD}, title="Health floor")


def test_it_finds_a_country_by_typing_part_of_its_name(page, rows):
    page.goto(f"{page.base_url}/matrix/")
    page.locator("#id_country-ts-control").click()
    page.keyboard.type("cote")  # "Côte d'Ivoire", accents aside
    # Enter picks the highlighted option: wait until the search has shown it (a busy
    # machine may not have filtered the list yet).
    expect(page.locator(".ts-dropdown .option.active")).to_contain_text("Ivoire")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator("table.matrix")).to_contain_text("Health floor")
    assert "country=CI" in page.url


def test_it_hides_the_ctrl_hint_once_the_lists_are_searchable(page, rows):
    page.goto(f"{page.base_url}/matrix/")
    expect(page.locator("#id_country-ts-control")).to_be_visible()
    expect(page.get_by_text(HINT).first).to_be_hidden()


def test_it_starts_folded_once_filters_are_set(page, rows):
    page.goto(f"{page.base_url}/matrix/?agency=WHO")
    assert page.locator("details.filters").get_attribute("open") is None
    expect(page.locator(".active-filters")).to_contain_text("Agency: WHO")


def test_it_shows_no_ctrl_hint_on_a_phone_even_without_script(browser, live_server, rows):
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, java_script_enabled=False, locale="en-GB"
    )
    try:
        phone = context.new_page()
        phone.goto(f"{live_server.url}/matrix/")  # no script: the panel stays open
        expect(phone.locator("#id_country")).to_be_visible()
        expect(phone.get_by_text(HINT).first).to_be_hidden()
    finally:
        context.close()
