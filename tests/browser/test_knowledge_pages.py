"""The funding chart and the members' catalogue form in a real browser: on a phone nothing
is wider than the screen, and the Content-Security-Policy refuses nothing (the chart's bars
are SVG drawn on the server, no inline style)."""

import pytest

from activities.models import Tool
from funding.models import ContributionStatus
from tests.browser.conftest import fail_on_csp_violations, log_in_and_wait, watch_csp
from tests.factories import make_agency, make_country, make_member
from tests.funding.conftest import make_contribution

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}


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


@pytest.fixture
def funded():
    finland = make_agency("FIN-MFA", name="Ministry for Foreign Affairs of Finland")
    ilo = make_agency("ILO", name="International Labour Organization")
    mz = make_country("MZ", region="africa")
    make_contribution(finland, "1000000.00", "EUR", [mz], status=ContributionStatus.PAID)
    make_contribution(finland, "250000.00", "EUR", [mz])
    make_contribution(ilo, "300000.00", "USD", status=ContributionStatus.PAID)
    make_member(ilo, username="ana", email="ana@example.org")
    return ilo


def test_it_fits_the_funding_chart_in_a_phone(phone, funded):
    log_in_and_wait(phone, "ana@example.org")
    phone.goto(f"{phone.base_url}/funding/")
    assert phone.locator("#chart-partner svg.bar").count() == 2
    phone.screenshot(path="/tmp/knowledge_funding_phone.png", full_page=True)
    assert phone.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("path", ["tools", "data", "processes", "outreach"])
def test_it_fits_each_catalogue_in_a_phone(phone, funded, path):
    Tool.objects.create(
        name="Rapid Assessment Protocol and its costing spreadsheets",
        url="https://www.social-protection.org/gimi/RessourcePDF.action?id=55052",
    )
    phone.goto(f"{phone.base_url}/catalogues/{path}/")
    assert phone.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]


def test_it_lets_a_member_add_a_tool_from_a_phone(phone, funded):
    log_in_and_wait(phone, "ana@example.org")
    phone.goto(f"{phone.base_url}/catalogues/tools/")
    phone.click("text=Add an entry")
    assert phone.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]
    phone.fill("input[name=name]", "Rapid Assessment Protocol")
    phone.fill("input[name=name_fr]", "Protocole d'évaluation rapide")
    phone.select_option("select[name=owner]", label="ILO")
    phone.click("main form [type=submit]")
    phone.wait_for_url("**/catalogues/tools/")
    assert Tool.objects.get().name_fr == "Protocole d'évaluation rapide"
    assert phone.locator("a.edit-link").count() == 1
