"""The dashboard in Chromium: its tables say what the database holds, its bars lead to the
rows they count."""

import pytest
from django.db.models import Count
from django.utils import translation
from playwright.sync_api import expect

from activities.models import Activity, ActivityStatus
from countries.models import Region
from tests.browser.conftest import log_in_and_wait
from tests.factories import Role, make_activity, make_agency, make_country, make_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def member():
    ilo, unicef = make_agency("ILO"), make_agency("UNICEF")
    vn, tg, mz = (
        make_country("VN"),
        make_country("TG", region="africa"),
        make_country("MZ", region="africa"),
    )
    make_activity(vn, {ilo: Role.LEAD}, status=ActivityStatus.PLANNED)
    make_activity(tg, {ilo: Role.LEAD, unicef: Role.PARTNER})
    make_activity(mz, {unicef: Role.LEAD})
    make_activity(mz, {unicef: Role.LEAD}, covers_children=True)
    return make_member(ilo, username="ilo_member")


def test_it_shows_in_its_tables_what_the_database_counts(page, member):
    log_in_and_wait(page, "ilo_member")
    page.goto(f"{page.base_url}/dashboard/")
    rows = page.locator("#chart-region tbody tr")
    shown = {
        rows.nth(n).locator("th").inner_text(): int(rows.nth(n).locator("td.num").inner_text())
        for n in range(rows.count())
    }
    counted = dict(Activity.objects.values_list("country__region").annotate(n=Count("pk")))
    with translation.override("en"):  # the browser's language, whatever a test before left
        expected = {str(label): counted.get(value, 0) for value, label in Region.choices}
    assert shown == expected


def test_it_leads_from_a_bar_to_the_rows_it_counts(page, member):
    log_in_and_wait(page, "ilo_member")
    page.goto(f"{page.base_url}/dashboard/")
    page.locator("#chart-region tbody tr", has_text="Africa").locator("td.num a").click()
    expect(page).to_have_url(f"{page.base_url}/matrix/?region=africa")
    expect(page.locator(".result-count")).to_contain_text("3 activities")
