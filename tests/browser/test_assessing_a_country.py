"""A French member assesses, on a phone, a country where their agency works; the comparison
then ranks it by its weighted score. Screenshots kept in test-output/screenshots/."""

from pathlib import Path

import pytest
from django.conf import settings

from countries.models import CountryAssessment, Rating, SelectionCriterion
from tests.browser.conftest import log_in_and_wait
from tests.factories import Role, make_activity, make_agency, make_country, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}
SHOTS = Path(settings.BASE_DIR) / "test-output" / "screenshots"


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="fr-FR", is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


@pytest.fixture
def member():
    ilo = make_agency("ILO")
    make_activity(make_country("SN", region="africa"), {ilo: Role.LEAD}, title="Santé pour tous")
    SelectionCriterion.objects.create(number=1, title="A country request exists", weight=2)
    SelectionCriterion.objects.create(number=2, title="Favourable legal environment")
    user = make_member(ilo, username="awa", email="awa@example.org")
    user.profile.language = "fr"
    user.profile.save()
    return user


def test_it_lets_a_member_assess_a_country_from_a_phone(phone, member):
    row = f"#criterion-{SelectionCriterion.objects.get(number=1).pk}"
    log_in_and_wait(phone, "awa@example.org")
    phone.goto(f"{phone.base_url}/countries/assessments/SN/")
    phone.locator(f"{row} summary").click()
    form = phone.locator(f"{row} form")
    form.locator("select[name=rating]").select_option(Rating.MET)
    form.locator("textarea[name=note]").fill("Lettre du ministre, 3 mai 2012")
    form.locator("button[type=submit]").click()
    phone.wait_for_load_state()
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SHOTS / "assessment-phone-fr.png"), full_page=True)
    saved = CountryAssessment.objects.get()
    assert (saved.rating, saved.updated_by) == (Rating.MET, member)
    assert phone.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]


def test_it_ranks_the_assessed_country_by_its_weighted_score(phone, member):
    criterion = SelectionCriterion.objects.get(number=1)
    senegal = make_country("SN")
    CountryAssessment.objects.create(
        country=senegal, criterion=criterion, rating=Rating.MET, note="Lettre du ministre"
    )
    log_in_and_wait(phone, "awa@example.org")
    phone.goto(f"{phone.base_url}/countries/assessments/")
    phone.screenshot(path=str(SHOTS / "choosing-countries-phone-fr.png"), full_page=True)
    # Weight 2 met out of weights 2 + 1: 67 %.
    assert "67" in phone.locator("table").first.inner_text()
    assert phone.locator("html").get_attribute("lang") == "fr"
