"""The browser enforces the Content-Security-Policy, and the browser tests see it doing so:
their page fixture fails a test on any violation in the console."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CSP_VIOLATION, log_in_and_wait, watch_csp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bare_page(browser, live_server):
    """A page without the fixture's check: this test provokes violations on purpose."""
    context = browser.new_context()
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def test_it_refuses_an_injected_inline_handler_and_the_watch_sees_it(bare_page):
    violations = watch_csp(bare_page)
    bare_page.goto(f"{bare_page.base_url}/")
    with bare_page.expect_console_message(lambda message: CSP_VIOLATION.search(message.text)):
        bare_page.evaluate(
            """() => document.body.insertAdjacentHTML(
                'beforeend', '<img src="/static/none.png" onerror="window.hacked = true">')"""
        )
    assert bare_page.evaluate("() => window.hacked === undefined")
    assert any("inline event handler" in text for text in violations)


def test_it_refuses_an_injected_inline_style_element(bare_page):
    violations = watch_csp(bare_page)
    bare_page.goto(f"{bare_page.base_url}/")
    with bare_page.expect_console_message(lambda message: CSP_VIOLATION.search(message.text)):
        bare_page.evaluate(
            """() => document.head.insertAdjacentHTML(
                'beforeend', '<style>body { display: none }</style>')"""
        )
    assert bare_page.locator("body").is_visible()
    assert any("inline style" in text for text in violations)


def test_it_keeps_the_admin_exports_select_all_box_working(page, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", "test-password-123")
    log_in_and_wait(page, "root")
    page.goto(f"{page.base_url}/admin/agencies/agency/export/")
    page.locator("input.select-toggle").uncheck()
    fields = page.locator('.selectable-field-export-row input[type="checkbox"]')
    expect(fields.first).not_to_be_checked()
    assert fields.evaluate_all("boxes => boxes.filter(box => box.checked).length") == 0
