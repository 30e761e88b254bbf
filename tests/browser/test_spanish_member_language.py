"""A Spanish-speaking member in a French browser: the pages follow her profile, not the
browser; the header's switch changes the profile, so the next login keeps the new choice."""

import pytest

from tests.browser.conftest import log_in_and_wait
from tests.factories import make_agency, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def french_browser(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def test_it_follows_the_profile_language_over_the_browser(french_browser):
    from playwright.sync_api import expect

    page = french_browser
    member = make_member(make_agency("AGA"), username="lucia", email="lucia@example.org")
    member.profile.language = "es"
    member.profile.save()

    page.goto(f"{page.base_url}/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")  # the browser's, before login
    log_in_and_wait(page, "lucia@example.org")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator("nav")).to_contain_text("Matriz")

    page.select_option("#language-select", "en")  # submits at once (static/js/hub.js)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    member.profile.refresh_from_db()
    assert member.profile.language == "en"
