"""Issue 20's journey, in the browser: a member records a regional event for West Africa and
a two-country exchange in two provinces, finds both from each country's page and on the
map (by keyboard too), downloads them and uploads the file again: nothing changes."""

import re

import pytest

from activities.models import Activity, ActivityCountry, ActivitySubdivision, Scope
from countries.models import Region
from tests.browser.conftest import log_in_and_wait, wait_for_htmx
from tests.factories import make_agency, make_country, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EVENT = "Joint SPF regional event for West Africa"
EXCHANGE = "South-South exchange: Senegal and Mali"


@pytest.fixture
def west_africa():
    """Senegal, Mali, Benin and Togo (their provinces loaded with them), and Peru far away."""
    for code in ("SN", "ML", "BJ", "TG"):
        make_country(code, region=Region.AFRICA)
    make_country("PE", region=Region.AMERICAS)
    ilo = make_agency("ILO", name="International Labour Organization")
    make_member(ilo, username="awa", email="awa@ilo.example.org")
    return ilo


def pick(page, field: str, *typed: str) -> None:
    """Choose options in a searchable list (Tom Select) by typing, as a person does."""
    from playwright.sync_api import expect

    control = page.locator(f"#id_{field}-ts-control")
    for text in typed:
        control.focus()
        page.keyboard.type(text)
        # Enter once the list shows what was typed (its search folds accents: "Segou").
        active = page.locator(".ts-dropdown:visible .option.active")
        expect(active).to_have_count(1)
        expect(active).to_contain_text(text[:1])
        page.keyboard.press("Enter")
        page.keyboard.press("Escape")
    chosen = page.locator(f"#id_{field} option:checked")
    expect(chosen).to_have_count(len(typed))


def add_activity(page, title: str, activity_type: str) -> None:
    page.goto(f"{page.base_url}/activities/new/")
    wait_for_htmx(page)
    page.fill("#id_title", title)
    page.select_option("#id_activity_type", activity_type)


def test_a_member_records_finds_and_round_trips_work_beyond_one_country(page, west_africa):
    from playwright.sync_api import expect

    log_in_and_wait(page, "awa@ilo.example.org")

    # A regional event for West Africa: a region and the countries it covers in it.
    add_activity(page, EVENT, "coordination")
    page.check("input[name=scope][value=regional]")
    page.select_option("#id_region", Region.AFRICA)
    pick(page, "countries", "Senegal", "Mali", "Benin", "Togo")
    page.get_by_role("button", name="Add the activity").click()
    expect(page.locator("ul.messages")).to_contain_text(EVENT)

    # A two-country exchange, Senegal the main country, in Dakar and Ségou.
    add_activity(page, EXCHANGE, "south-south")
    page.check("input[name=scope][value=multi-country]")
    page.fill("#id_country", "Senegal")
    pick(page, "countries", "Senegal", "Mali")
    # The places are offered again for the countries chosen (htmx): once the last answer is in.
    page.wait_for_function("() => !document.querySelector('.htmx-request')")
    expect(page.locator("#id_subdivisions optgroup")).to_have_count(2)
    expect(page.locator("#id_subdivisions-ts-control")).to_be_visible()
    # A picker, not the plain list beside an empty one (htmx settles, then Tom Select).
    expect(page.locator("#id_subdivisions")).to_have_class(re.compile("tomselected"))
    expect(page.locator("#subdivisions-field .ts-wrapper")).to_have_count(1)
    pick(page, "subdivisions", "Dakar", "Segou")
    page.get_by_role("button", name="Add the activity").click()
    expect(page.locator("ul.messages")).to_contain_text(EXCHANGE)

    event = Activity.objects.get(title=EVENT)
    exchange = Activity.objects.get(title=EXCHANGE)
    assert (event.scope, event.region, event.country) == (Scope.REGIONAL, "africa", None)
    assert {str(c.code) for c in event.countries.all()} == {"SN", "ML", "BJ", "TG"}
    assert exchange.scope == Scope.MULTI_COUNTRY and str(exchange.country.code) == "SN"
    assert {s.code for s in exchange.subdivisions.all()} == {"SN-DK", "ML-4"}

    # Each country's page lists them, the shared ones marked; Benin has the event only.
    for code, titles in (("SN", [EVENT, EXCHANGE]), ("ML", [EVENT, EXCHANGE]), ("BJ", [EVENT])):
        page.goto(f"{page.base_url}/countries/{code}/")
        table = page.locator("table.matrix")
        for title in titles:
            expect(table).to_contain_text(title)
        expect(table.locator(".shared-note").first).to_be_visible()
    page.goto(f"{page.base_url}/countries/PE/")
    expect(page.locator("main")).not_to_contain_text(EVENT)
    # The Senegal page narrows to a place inside the country.
    page.goto(f"{page.base_url}/countries/SN/")
    page.select_option("#place-filter-subdivision", "SN-DK")
    page.get_by_role("button", name="Show", exact=True).click()
    expect(page.locator("table.matrix")).to_contain_text(EXCHANGE)
    expect(page.locator("table.matrix")).not_to_contain_text(EVENT)
    expect(page.locator("table.matrix")).to_contain_text("Dakar")

    # The map: the legend counts the regional work and leads, by keyboard, to its panel;
    # Senegal and Mali share two activities, Benin one.
    page.goto(f"{page.base_url}/map/")
    legend_link = page.get_by_role("link", name="Africa: 1 regional activity")
    legend_link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{page.base_url}/map/#map-places-africa")
    panel = page.locator("#map-places-africa")
    expect(panel).to_contain_text(EVENT)
    expect(panel).to_contain_text("Benin, Mali, Senegal, Togo")
    page.locator('svg a.map-country[data-code="SN"]').focus()
    expect(page.locator("[data-map-info]")).to_contain_text(
        "Senegal: 2 activities (0 its own, 2 shared with other countries)"
    )
    expect(page.locator('#map-table tr[data-code="BJ"]')).to_contain_text("1")

    # Download ILO's rows and upload the file unchanged: nothing to apply.
    page.goto(f"{page.base_url}/matrix/?agency=ILO")
    with page.expect_download() as download:
        page.locator("p.downloads a", has_text="XLSX").click()
    with open(download.value.path(), "rb") as downloaded:
        data = downloaded.read()
    links_before = ActivityCountry.history.count() + ActivitySubdivision.history.count()
    page.get_by_role("link", name="Import", exact=True).first.click()
    page.set_input_files(
        "input[type=file]", {"name": "spf-ilo.xlsx", "mimeType": XLSX, "buffer": data}
    )
    page.get_by_role("button", name="Check the file").click()
    counts = page.locator(".count-list").first
    expect(counts).to_contain_text("0 with errors")
    expect(counts).to_contain_text("0 new")
    expect(counts).to_contain_text("0 changed")
    expect(counts).to_contain_text("2 unchanged")
    assert ActivityCountry.history.count() + ActivitySubdivision.history.count() == links_before
    event.refresh_from_db()
    assert {str(c.code) for c in event.countries.all()} == {"SN", "ML", "BJ", "TG"}
    assert {s.code for s in exchange.subdivisions.all()} == {"SN-DK", "ML-4"}
