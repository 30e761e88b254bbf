"""On a 375 px phone no main page is wider than the screen: wide tables scroll inside their
own frame (with a hint), never the whole page."""

import datetime

import pytest
from django.utils import timezone

from rounds.services import open_round
from tests.browser.conftest import log_in_and_wait
from tests.factories import (
    Role,
    make_activity,
    make_agency,
    make_country,
    make_focal_point,
    make_member,
    make_secretariat,
)
from tests.workplan.conftest import make_deliverable

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def coalition():
    """Long names and many agencies: what makes pages overflow."""
    agencies = [
        make_agency(f"AG{n}", name=f"Agency number {n} for social protection") for n in range(12)
    ]
    agencies.append(make_agency("UN-Habitat", name="United Nations Human Settlements Programme"))
    bolivia = make_country("BO", region="americas")
    viet_nam = make_country("VN")
    person = make_focal_point(
        agencies[0], viet_nam, email="a.very.long.address.for.a.focal.point@agency.example.org"
    )
    for n, agency in enumerate(agencies):
        make_activity(
            bolivia if n % 2 else viet_nam,
            {agency: Role.LEAD, agencies[(n + 1) % len(agencies)]: Role.PARTNER},
            title=f"Costing of the social protection floor and fiscal space analysis {n}",
            focal_point=person,
        )
    make_deliverable(
        timezone.localdate() - datetime.timedelta(days=3),
        agencies=agencies[:3],
        title="Matrix of country activities completed by all members",
        year=timezone.localdate().year,
    )
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    secretariat = make_secretariat(username="sec", email="sec@example.org")
    open_round(
        secretariat, title="Mid-year matrix update", deadline=deadline, agencies=agencies[:4]
    )
    make_member(agencies[0], username="ana", email="ana@example.org")
    return agencies


PUBLIC_PAGES = [
    "/",
    "/matrix/",
    "/grid/",
    "/countries/",
    "/countries/VN/",
    "/agencies/",
    "/agencies/AG0/",
    "/workplan/",
    "/workplan/timeline/",
    "/map/",
    "/catalogues/tools/",
    "/catalogues/data/",
    "/catalogues/processes/",
    "/catalogues/outreach/",
    "/accounts/login/",
]
MEMBER_PAGES = [
    "/matrix/",
    "/grid/",
    "/countries/BO/",
    "/my/",
    "/workplan/my-deadlines/",
    "/accounts/profile/",
    "/rounds/parts/1/",
    "/dashboard/",
    "/countries/assessments/",
    "/funding/",
]
SECRETARIAT_PAGES = ["/rounds/", "/rounds/open/", "/workplan/deadlines/"]


def too_wide(page, paths: list[str]) -> dict[str, int]:
    found = {}
    for path in paths:
        page.goto(f"{page.base_url}{path}")
        width = page.evaluate("() => document.scrollingElement.scrollWidth")
        if width > PHONE["width"]:
            found[path] = width
    return found


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(viewport=PHONE, locale="en-GB", is_mobile=True, has_touch=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def test_it_fits_public_pages_in_a_phone(phone, coalition):
    assert too_wide(phone, PUBLIC_PAGES) == {}


def test_it_fits_a_member_s_pages_in_a_phone(phone, coalition):
    log_in_and_wait(phone, "ana@example.org")
    paths = [
        path.replace("/rounds/parts/1/", f"/rounds/parts/{coalition[0].round_parts.get().pk}/")
        for path in MEMBER_PAGES
    ]
    assert too_wide(phone, paths) == {}


def test_it_fits_the_secretariat_s_pages_in_a_phone(phone, coalition):
    log_in_and_wait(phone, "sec@example.org")
    assert too_wide(phone, SECRETARIAT_PAGES) == {}


def test_it_scrolls_the_grid_inside_its_own_frame_with_a_hint(phone, coalition):
    phone.goto(f"{phone.base_url}/grid/")
    frame = phone.locator(".grid-wrap")
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth")
    assert phone.locator(".scroll-hint").is_visible()


def test_it_shows_the_first_matrix_row_under_a_round_banner(phone, coalition):
    log_in_and_wait(phone, "ana@example.org")
    phone.goto(f"{phone.base_url}/matrix/")
    assert phone.locator(".round-banner").is_visible()
    top = phone.locator("table.matrix tbody tr").first.evaluate(
        "row => row.getBoundingClientRect().top"
    )
    assert top < PHONE["height"]
