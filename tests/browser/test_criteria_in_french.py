"""A French member meets the selection criteria in French on a country's assessment page,
and the save message names the criterion in French too."""

import pytest
from playwright.sync_api import expect

from countries.criteria_text import give_translations
from countries.models import Rating, SelectionCriterion
from tests.browser.conftest import log_in_and_wait
from tests.factories import Role, make_activity, make_agency, make_country, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FRENCH = "Le pays a formulé une demande"


@pytest.fixture
def member():
    ilo = make_agency("ILO")
    make_activity(make_country("SN", region="africa"), {ilo: Role.LEAD}, title="Santé")
    SelectionCriterion.objects.create(number=1, title="A country request exists")
    give_translations(SelectionCriterion.objects.all())
    user = make_member(ilo, username="awa", email="awa@example.org")
    user.profile.language = "fr"
    user.profile.save()
    return user


def test_a_french_member_assesses_against_criteria_in_french(page, member):
    log_in_and_wait(page, "awa@example.org")
    page.goto(f"{page.base_url}/countries/assessments/SN/")
    expect(page.locator("main")).to_contain_text(FRENCH)
    expect(page.locator("main")).not_to_contain_text("A country request exists")
    row = f"#criterion-{SelectionCriterion.objects.get().pk}"
    page.locator(f"{row} summary").click()
    form = page.locator(f"{row} form")
    form.locator("select[name=rating]").select_option(Rating.MET)
    form.locator("textarea[name=note]").fill("Lettre du ministre")
    form.locator("button[type=submit]").click()
    expect(page.locator(".messages, [role=status]").first).to_contain_text(
        f"Enregistré : {FRENCH}."
    )
