"""A member on a phone (375 px, in Spanish) imports a partner's Spanish workbook as it came:
a read-me sheet before the data, a title line above the headers, two organisations the hub
knows under other names (OPS, CEPAL) mapped in the page, a type of work in Spanish mapped,
a country that does not exist left out; the rows come in, no file edited."""

import pytest

from activities.models import Activity
from agencies.models import Agency
from imports.models import ValueMapping
from tests.browser.conftest import SCREENSHOTS, log_in_and_wait
from tests.factories import make_agency, make_member
from tests.imports.partners_as_written import SPANISH, partners_hub

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="es-ES", is_mobile=True, has_touch=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "spanish-partner-file-phone.png"), full_page=True)
    context.close()


def fits_the_phone(page) -> bool:
    return page.evaluate("() => document.scrollingElement.scrollWidth") <= PHONE["width"]


def choose(page, written: str, label: str) -> None:
    value = page.locator(".import-value", has_text=f"“{written}”")
    value.locator("select").first.select_option(label=label)


def test_a_member_imports_a_spanish_workbook_on_a_phone(phone):
    from playwright.sync_api import expect

    partners_hub()
    make_agency("ECLAC", name="Economic Commission for Latin America and the Caribbean")
    member = make_member(Agency.objects.get(acronym="ILO"), username="lucia", email="lucia@ilo.org")
    member.profile.language = "es"
    member.profile.save()
    log_in_and_wait(phone, "lucia@ilo.org")

    phone.goto(f"{phone.base_url}/import/")
    phone.set_input_files(
        "input[type=file]", {"name": SPANISH.name, "mimeType": XLSX, "buffer": SPANISH.data}
    )
    phone.locator("main form [type=submit]").click()

    # The mapping step: the sheet read is the data's, not the read-me; the guesses stand.
    expect(phone.locator("#import-sheet")).to_have_value("Actividades")
    assert fits_the_phone(phone)
    phone.locator(".mapping-form button[type=submit]").click()

    # The preview: four values the hub does not know, each with a choice in the page.
    expect(phone.locator(".import-value")).to_have_count(4)
    assert fits_the_phone(phone)
    choose(phone, "OPS", "WHO — World Health Organization")
    choose(phone, "CEPAL", "ECLAC — Economic Commission for Latin America and the Caribbean")
    value = phone.locator(".import-value", has_text="“Estudio de caso”").locator("select")
    value.select_option(value="map:study")
    phone.locator(".import-value", has_text="“Narnia”").locator("select").select_option("out")
    phone.locator(".import-values button[type=submit]").click()

    expect(phone.locator(".import-value")).to_have_count(0)
    expect(phone.locator(".import-left-out li")).to_have_count(1)
    expect(phone.locator(".import-not-read li")).to_have_count(1)  # the total line
    assert fits_the_phone(phone)
    phone.locator("form[action$='/apply/'] button").click()
    expect(phone.locator("main .message")).to_be_visible()

    assert Activity.objects.count() == 3
    dialogue = Activity.objects.get(title="Diálogo regional sobre protección social")
    # ECLAC, written as lead by an ILO member, is asked to agree first (the agreed-roles rule,
    # activities.participations.split_agreed): a proposal waits on the row, no lead yet.
    assert not dialogue.participations.filter(role="lead").exists()
    proposed = dialogue.role_proposals.values_list("agency__acronym", "role", "state")
    assert list(proposed) == [("ECLAC", "lead", "pending")]
    who, eclac = (Agency.objects.get(acronym=name).pk for name in ("WHO", "ECLAC"))
    assert sorted(ValueMapping.objects.values_list("written", "target", "created_by")) == [
        ("CEPAL", str(eclac), member.pk),
        ("Estudio de caso", "study", member.pk),
        ("OPS", str(who), member.pk),
    ]
