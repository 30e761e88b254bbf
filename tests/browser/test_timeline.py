"""The workplan timeline in Chromium: its marks say what the database holds; it prints
without the page's navigation and filters."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.pdf import count_pages
from tests.factories import make_agency
from workplan.models import Area, Deliverable, Step, Workplan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan():
    today = timezone.localdate()
    plan = Workplan.objects.create(year=today.year, title=f"Workplan {today.year}")
    area = Area.objects.create(workplan=plan, number=1, title="Country operations")
    deliverable = Deliverable.objects.create(area=area, title="Matrix of activities")
    deliverable.responsible_agencies.add(make_agency("ILO"))
    day = datetime.timedelta(days=1)
    Step.objects.create(
        deliverable=deliverable,
        title="Sent",
        due_date=today - 9 * day,
        completed_on=today - 10 * day,
    )
    Step.objects.create(deliverable=deliverable, title="Completed by all", due_date=today - day)
    Step.objects.create(deliverable=deliverable, title="Reviewed", due_date=today + day)
    return plan


def test_it_draws_each_step_in_its_state_and_marks_today(page, plan):
    page.goto(f"{page.base_url}/workplan/timeline/")
    track = page.locator(".timeline-track").nth(1)  # the first after the axis
    expect(track.locator("svg.marker--late")).to_have_count(1)
    expect(track.locator("svg.marker--done")).to_have_count(1)
    expect(track.locator("svg.marker--open")).to_have_count(1)
    expect(page.locator(".timeline-track line.today").first).to_be_attached()


def test_it_prints_without_navigation_or_filters(page, plan):
    page.goto(f"{page.base_url}/workplan/timeline/")
    page.emulate_media(media="print")
    expect(page.locator(".timeline-filters")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    assert count_pages(page.pdf(prefer_css_page_size=True)) == 1
    page.emulate_media(media="screen")
