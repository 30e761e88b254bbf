"""The world map in Chromium: it shades what the filters select, opens a country's page,
and redraws when a filter changes without reloading the page."""

import pytest
from playwright.sync_api import expect

from activities.models import Activity
from overview.shapes import world
from tests.browser.conftest import wait_for_htmx
from tests.factories import Role, make_activity, make_agency, make_country

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def spread():
    """ILO leads in Viet Nam, Cambodia and Togo; UNICEF in Mozambique, Peru and Viet Nam."""
    ilo, unicef = make_agency("ILO"), make_agency("UNICEF")
    regions = {"VN": "asia-pacific", "KH": "asia-pacific", "TG": "africa", "MZ": "africa"}
    countries = {code: make_country(code, region=region) for code, region in regions.items()}
    countries["PE"] = make_country("PE", region="americas")
    for code in ("VN", "KH", "TG"):
        make_activity(countries[code], {ilo: Role.LEAD, unicef: Role.PARTNER})
    for code in ("MZ", "PE", "VN"):
        make_activity(countries[code], {unicef: Role.LEAD})
    return ilo


def shaded_codes(page) -> set[str]:
    return set(
        page.locator("svg a.map-country").evaluate_all("els => els.map(e => e.dataset.code)")
    )


def expected_codes(activities) -> set[str]:
    return {code for code in activities.values_list("country__code", flat=True)} & world().codes


def test_it_shades_exactly_the_countries_the_filter_selects(page, spread):
    page.goto(f"{page.base_url}/map/?agency=ILO&agency_role=lead")
    expected = expected_codes(Activity.objects.with_agency(spread.pk, Role.LEAD))
    assert shaded_codes(page) == expected == {"VN", "KH", "TG"}


def test_it_opens_the_country_page_on_a_click(page, spread):
    page.goto(f"{page.base_url}/map/")
    page.locator('svg a.map-country[data-code="MZ"]').click()
    expect(page).to_have_url(f"{page.base_url}/countries/MZ/")
    expect(page.locator("h1")).to_contain_text("Mozambique")


def test_it_redraws_the_map_when_a_filter_changes_without_a_reload(page, spread):
    page.goto(f"{page.base_url}/map/")
    wait_for_htmx(page)
    page.evaluate("window.notReloaded = true")
    page.select_option("select[name=region]", "africa")
    expect(page.locator("svg a.map-country")).to_have_count(2)
    assert shaded_codes(page) == expected_codes(Activity.objects.filter(country__region="africa"))
    assert page.evaluate("window.notReloaded") is True
    expect(page).to_have_url(f"{page.base_url}/map/?region=africa")


def test_it_lets_a_keyboard_reach_a_country_and_says_its_count(page, spread):
    page.goto(f"{page.base_url}/map/")
    page.locator('svg a.map-country[data-code="VN"]').focus()
    expect(page.locator("[data-map-info]")).to_have_text(
        "Viet Nam: 2 activities. Leads: ILO, UNICEF"
    )
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{page.base_url}/countries/VN/")


def test_it_shows_the_front_page_with_its_figures_and_map(page, spread):
    page.goto(f"{page.base_url}/")
    expect(page.locator(".figure__number").first).to_have_text("5")
    assert shaded_codes(page) == {"VN", "KH", "TG", "MZ", "PE"}
