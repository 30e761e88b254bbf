"""Small things people met in the browser: the API docs under the Content-Security-Policy,
the map's hint on a touch screen, a tool's description inside its row's header cell."""

import pytest
from playwright.sync_api import expect

from activities.models import Tool
from tests.factories import Role, make_activity, make_agency, make_country

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_draw_without_a_policy_violation(page):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(f"{page.base_url}/api/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("SPF Coalition Hub API")
    assert errors == []  # the page fixture also fails on any CSP violation


def test_the_map_speaks_of_touching_on_a_touch_screen(browser, live_server):
    make_activity(make_country("VN"), {make_agency("ILO"): Role.LEAD})
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, is_mobile=True, has_touch=True, locale="en-GB"
    )
    try:
        phone = context.new_page()
        phone.goto(f"{live_server.url}/map/")
        expect(phone.get_by_text("Touch a country")).to_be_visible()
        expect(phone.get_by_text("Point at a country")).to_be_hidden()
    finally:
        context.close()


def test_a_tool_s_description_is_not_bold(page):
    Tool.objects.create(name="Rapid Assessment Protocol", description="Costs the floor.")
    page.goto(f"{page.base_url}/catalogues/tools/")
    weight = page.locator("tbody th p").first.evaluate("el => getComputedStyle(el).fontWeight")
    assert weight == "400"
