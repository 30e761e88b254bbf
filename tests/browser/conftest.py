"""End-to-end tests in headless Chromium (Debian's), driven by Playwright, against a live
server on loopback. `make test` runs them wherever /usr/bin/chromium exists and says loudly
when it does not; `.ci/run` installs it. A screenshot of each test's final page is kept in
test-output/screenshots/.
"""

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SPF_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"Chromium is not installed at {CHROMIUM}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if not Path(CHROMIUM).exists():
        terminalreporter.section("BROWSER TESTS SKIPPED", sep="#", red=True, bold=True)
        terminalreporter.write_line(
            f"No Chromium at {CHROMIUM}: the end-to-end tests did not run. "
            "Install Debian's chromium (apt-get install chromium) to run them."
        )


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# What Chromium writes to the console when the Content-Security-Policy blocks something
# ("... violates the following Content Security Policy directive ..."; older: "Refused to").
CSP_VIOLATION = re.compile(r"Content Security Policy|Refused to")


def watch_csp(page) -> list[str]:
    """The console messages of `page` that report a Content-Security-Policy violation."""
    violations: list[str] = []

    def note(message) -> None:
        if CSP_VIOLATION.search(message.text):
            violations.append(f"{page.url}: {message.text}")

    page.on("console", note)
    return violations


def fail_on_csp_violations(violations: list[str]) -> None:
    if violations:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(violations))


@pytest.fixture
def page(browser, live_server, request) -> Iterator[object]:
    """A fresh browser context (no cookies) with a phone-sized or desktop viewport; the test
    fails if the Content-Security-Policy refused anything on its pages."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    violations = watch_csp(page)
    yield page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    try:
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    finally:
        context.close()
    fail_on_csp_violations(violations)


def log_in(page, username: str, password: str = "test-password-123") -> None:
    """Log in through the real login form."""
    page.goto(f"{page.base_url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    # Within <main>: the header's language form has a submit button too.
    page.click("main form [type=submit]")


@pytest.fixture
def other_page(browser, live_server, request) -> Iterator[object]:
    """A second person's browser (its own context and cookies), screenshot kept as *-other."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.set_default_timeout(10_000)
    other = context.new_page()
    other.base_url = live_server.url
    violations = watch_csp(other)
    yield other
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    try:
        other.screenshot(path=str(SCREENSHOTS / f"{name}-other.png"), full_page=True)
    finally:
        context.close()
    fail_on_csp_violations(violations)


def log_in_and_wait(page, username: str, password: str = "test-password-123") -> None:
    """Log in through the form and wait until the page says who is logged in."""
    from playwright.sync_api import expect

    log_in(page, username, password)
    expect(page.locator("form[action$='/logout/'] button")).to_be_visible()
    # The header shows before the page's deferred scripts have bound their handlers (the
    # language switch's submit-on-change, say): a test acting at once would race them.
    page.wait_for_load_state("load")


def wait_for_htmx(page) -> None:
    """htmx is loaded with `defer`: wait for it before clicking what it enhances."""
    page.wait_for_function("() => window.htmx !== undefined")
