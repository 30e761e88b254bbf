"""The country brief prints on one A4 page, full as it gets (ten activities, six
contacts, eleven criteria, four open deliverables), and says so in Chromium's own PDF."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from activities.models import ActivityType
from countries.models import CountryAssessment, Rating, SelectionCriterion
from tests.browser.conftest import log_in_and_wait
from tests.browser.pdf import count_pages
from tests.factories import (
    Role,
    make_activity,
    make_agency,
    make_country,
    make_focal_point,
    make_member,
)
from workplan.models import Area, Deliverable, Step, Workplan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CRITERIA = [
    "A country request exists",
    "Social protection is a priority in the national development framework",
    "Willingness to work on fiscal space",
    "Favourable legal environment",
    "UNDAF / One-UN process under way",
    "National ownership",
    "Organised civil society",
    "At least two member agencies active and willing to lead",
    "SPF elements already in place",
    "Regional balance",
    "Language balance",
]


@pytest.fixture
def full_brief():
    today = timezone.localdate()
    mozambique = make_country("MZ", region="africa")
    agencies = [make_agency(acronym) for acronym in ("ILO", "UNICEF", "WHO", "WFP", "UNDP", "IMF")]
    for n in range(15):
        make_activity(
            mozambique,
            {
                agencies[n % 6]: Role.LEAD,
                agencies[(n + 1) % 6]: Role.PARTNER,
                agencies[(n + 2) % 6]: Role.PARTNER,
            },
            title=f"Social protection floor work stream {n + 1} with a long descriptive title",
            activity_type=ActivityType.values[n % 9],
            start_date=datetime.date(2020 + n % 5, 1 + n % 12, 1),
        )
    for n in range(10):
        make_focal_point(
            agencies[n % 6], mozambique, position="Social protection programme officer"
        )
    for number, title in enumerate(CRITERIA, start=1):
        criterion = SelectionCriterion.objects.create(number=number, title=title)
        CountryAssessment.objects.create(
            country=mozambique,
            criterion=criterion,
            rating=Rating.values[number % 4],
            note="Evidence" if number % 3 else "",
            assessed_on=today - datetime.timedelta(days=100 * number),
        )
    plan = Workplan.objects.create(year=today.year, title=f"Workplan {today.year}: SPF Coalition")
    area = Area.objects.create(workplan=plan, number=1, title="Country operations")
    for n in range(7):
        deliverable = Deliverable.objects.create(
            area=area, title=f"Deliverable {n + 1}: joint country report and costing note"
        )
        deliverable.responsible_agencies.set(agencies[:3])
        Step.objects.create(
            deliverable=deliverable,
            title="Due",
            due_date=today + datetime.timedelta(days=n * 10 - 20),
        )
    return make_member(agencies[0], username="brief_member")


def test_it_prints_the_brief_on_one_a4_page(page, full_brief):
    log_in_and_wait(page, "brief_member")
    page.goto(f"{page.base_url}/countries/MZ/brief/")
    expect(page.locator(".brief-criteria li")).to_have_count(len(CRITERIA))
    expect(page.locator(".brief-table").first.locator("tbody tr")).to_have_count(10)
    page.emulate_media(media="print")
    assert count_pages(page.pdf(format="A4", prefer_css_page_size=True)) == 1
    page.emulate_media(media="screen")


def test_it_counts_the_pages_of_a_longer_document(page, full_brief):
    # The check above could not fail if counting pages did not work: the matrix is longer.
    page.goto(f"{page.base_url}/matrix/")
    assert count_pages(page.pdf(format="A4")) > 1
