"""Results, from a member's phone to the public pages, in the browser: a French member of
ILO reports the round's people newly covered in Senegal with its parts by sex; the
secretariat returns it with a reason; she corrects it; the secretariat approves it; and the
public sees it on the country page, the country's results page, the brief (one printed page
still) and the map's results layer, whose country a keyboard reaches."""

import datetime

import pytest
from playwright.sync_api import expect

from accounts.language import set_language
from results.models import ActivityIndicator, Aggregation, ResultValue, ReviewStatus, Target, Unit
from rounds.services import open_round
from tests.browser.conftest import log_in_and_wait
from tests.browser.pdf import count_pages
from tests.browser.test_brief import full_brief  # noqa: F401  (the fullest brief)
from tests.factories import (
    Role,
    make_activity,
    make_agency,
    make_country,
    make_member,
    make_secretariat,
)
from tests.results_pages.conftest import build_showcase, indicator, period
from tests.workplan.conftest import eager_celery  # noqa: F401  (tasks run in-process)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def coalition():
    """ILO's cash transfer row in Senegal reports people newly covered (target 20,000); a
    round asks ILO for the period 2026 H1."""
    ilo = make_agency("ILO", name="International Labour Organization", is_member=True)
    senegal = make_country("SN", region="africa")
    row = make_activity(senegal, {ilo: Role.LEAD}, title="Cash transfers for children")
    people = indicator(
        "PEOPLE-NEW",
        Unit.PEOPLE,
        Aggregation.LARGEST,
        "People newly covered",
        name_fr="Personnes nouvellement couvertes",
        dimensions=["sex"],
    )
    link = ActivityIndicator.objects.create(activity=row, indicator=people, baseline_value=0)
    Target.objects.create(activity_indicator=link, value=20000, date=datetime.date(2027, 12, 31))
    half = period("2026 H1", 2026)
    secretariat = make_secretariat(username="sec")
    amina = make_member(ilo, username="amina", first_name="Amina")
    set_language(amina, "fr")
    current = open_round(
        secretariat,
        title="Mid-year 2026",
        title_fr="Mi-année 2026",
        deadline=datetime.date.today() + datetime.timedelta(days=10),
        agencies=[ilo],
    )
    current.period = half
    current.save()
    return row, link, half


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="fr-FR", is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def test_a_reported_value_is_returned_corrected_approved_and_shown(
    phone, other_page, page, coalition, settings, live_server
):
    settings.SITE_URL = live_server.url
    row, link, half = coalition

    # Amina, in French on her phone, reports the round's value with its parts by sex.
    log_in_and_wait(phone, "amina")
    phone.goto(f"{phone.base_url}/results/activities/{row.reference}/")
    phone.click(f"a[href$='/results/indicators/{link.pk}/values/new/?period={half.pk}']")
    phone.fill("input[name=value]", "12 400")
    phone.locator("details.value-parts summary").first.click()
    phone.fill("input[name=part-sex-f]", "6 000")
    phone.fill("input[name=part-sex-m]", "6 400")
    phone.fill("input[name=evidence_url]", "https://example.org/rapport.pdf")
    phone.click("button[name=then][value=submit]")
    phone.wait_for_url(f"**/results/activities/{row.reference}/")
    result = ResultValue.objects.get()
    assert result.status == ReviewStatus.SUBMITTED
    assert sorted(part.value for part in result.parts.all()) == [6000, 6400]
    assert phone.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]

    # The secretariat returns it with a reason.
    log_in_and_wait(other_page, "sec")
    other_page.goto(f"{other_page.base_url}/results/review/")
    item = other_page.locator(f"#value-{result.pk}")
    item.locator("textarea[name=reason]").fill("Les filles et garçons : total de 12 400 ?")
    item.locator(".return-form button[type=submit]").click()
    result.refresh_from_db()
    assert result.status == ReviewStatus.RETURNED

    # Amina reads the reason and corrects the value.
    phone.goto(f"{phone.base_url}/results/activities/{row.reference}/")
    expect(phone.locator("main")).to_contain_text("Les filles et garçons : total de 12 400 ?")
    phone.click(f"a[href$='/results/values/{result.pk}/']")
    phone.fill("input[name=value]", "12 500")
    phone.fill("input[name=part-sex-f]", "6 100")
    phone.click("button[name=then][value=submit]")
    phone.wait_for_url(f"**/results/activities/{row.reference}/")
    result.refresh_from_db()
    assert (result.status, result.value) == (ReviewStatus.SUBMITTED, 12500)

    # The secretariat approves it.
    other_page.goto(f"{other_page.base_url}/results/review/")
    other_page.locator(f"#value-{result.pk} .review-actions .inline-form button").click()
    result.refresh_from_db()
    assert result.status == ReviewStatus.APPROVED

    # The public sees it: the country page, its results page, the brief, the map.
    page.goto(f"{page.base_url}/countries/SN/")
    section = page.locator("#results")
    expect(section).to_contain_text("12,500")
    expect(section).to_contain_text("Women and girls 6,100")
    expect(section).to_contain_text("62 %")
    page.goto(f"{page.base_url}/countries/SN/results/?lang=fr")
    expect(page.locator("h1")).to_contain_text("Résultats")
    expect(page.locator("main")).to_contain_text("Cash transfers for children")
    page.goto(f"{page.base_url}/countries/SN/brief/")
    expect(page.locator(".brief-results")).to_contain_text("12,500")
    page.emulate_media(media="print")
    assert count_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1
    page.emulate_media(media="screen")
    page.goto(f"{page.base_url}/map/?layer=results")
    senegal = page.locator("a.map-country[data-code='SN']")
    expect(senegal).to_have_attribute(
        "aria-label", "Senegal: 1 activity. Lead: ILO · people newly covered: 12,500: one activity"
    )
    # Reached by the keyboard, like the activities' map: Tab until Senegal has the focus.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.dataset.code") == "SN":
            break
    else:
        pytest.fail("Tab never reached Senegal on the results layer")
    expect(page.locator("[data-map-info]")).to_contain_text("people newly covered")


@pytest.mark.usefixtures("full_brief")
def test_the_fullest_brief_with_results_still_prints_on_one_page(page):
    """The brief as full as it gets (test_brief), plus every kind of result: the activities
    make room (five of them), the results take three headline figures, three milestones,
    the coverage over the years and four progress rows."""
    from agencies.models import Agency
    from countries.models import Country

    mozambique = Country.objects.by_code("MZ")
    build_showcase(mozambique, Agency.objects.get(acronym="ILO"), Agency.objects.get(acronym="WHO"))
    log_in_and_wait(page, "brief_member")
    page.goto(f"{page.base_url}/countries/MZ/brief/")
    expect(page.locator(".brief-results")).to_contain_text("Universal child benefit law adopted")
    expect(page.locator(".brief-table").first.locator("tbody tr")).to_have_count(5)
    page.emulate_media(media="print")
    assert count_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1
    page.emulate_media(media="screen")
