"""A member records a two-country exchange with provinces on a phone (issue 20): the
countries are searched as typed, the places offered follow the countries chosen (htmx), the
page fits the screen, and the matrix then finds the row from either country, marked."""

import pytest
from playwright.sync_api import expect

from activities.models import Activity
from tests.browser.conftest import fail_on_csp_violations, log_in_and_wait, wait_for_htmx, watch_csp
from tests.factories import Role, make_activity, make_agency, make_country, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="en-GB", is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    violations = watch_csp(page)
    yield page
    context.close()
    fail_on_csp_violations(violations)


def test_a_two_country_exchange_with_provinces(phone):
    ilo = make_agency("ILO")
    senegal = make_country("SN", region="africa")
    make_country("ML", region="africa")
    activity = make_activity(senegal, {ilo: Role.LEAD}, title="South-South exchange")
    make_member(ilo, username="amina")
    page = phone
    log_in_and_wait(page, "amina")
    page.goto(f"{page.base_url}/activities/{activity.pk}/edit/")
    wait_for_htmx(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.check("input[name=scope][value=multi-country]")
    page.locator("#id_countries-ts-control").locator("xpath=..").click()
    page.keyboard.type("mali")
    expect(page.locator(".ts-dropdown .option.active")).to_have_text("Mali")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    # The places of Mali are offered once it is chosen, beside Senegal's.
    expect(page.locator("#id_subdivisions.tomselected optgroup[label=Mali]")).to_have_count(1)
    page.locator("#id_subdivisions-ts-control").focus()
    page.keyboard.type("thies")
    expect(page.locator(".ts-dropdown .option.active")).to_have_text("Thiès")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.locator("#id_subdivisions-ts-control").focus()
    page.keyboard.type("kayes")
    expect(page.locator(".ts-dropdown .option.active")).to_have_text("Kayes")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.click("main form.edit-form [type=submit]")
    expect(page.locator(".messages, [role=status], .message").first).to_contain_text("Saved")

    activity = Activity.objects.get(pk=activity.pk)
    assert activity.scope == "multi-country"
    assert sorted(activity.countries.values_list("code", flat=True)) == ["ML", "SN"]
    assert sorted(activity.subdivisions.values_list("code", flat=True)) == ["ML-1", "SN-TH"]

    page.goto(f"{page.base_url}/matrix/?country=ML")
    expect(page.locator(".shared-note").first).to_have_text("Also in Senegal")
