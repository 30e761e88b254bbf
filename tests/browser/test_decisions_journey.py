"""The decisions journey, in the browser: the secretariat records a meeting with two decisions
(one public) and three action points in the admin; a member uploads the output of their
action point, which completes its workplan step; the public decision log and its feed show
only the public decision; a selected country's joint workplan is on its page."""

import datetime

import pytest

from decisions.models import ActionPoint, CountryDeliverable, CountryStatus, Meeting, Status
from tests.browser.conftest import log_in_and_wait
from tests.decisions.conftest import PDF
from tests.factories import make_agency, make_country, make_member, make_secretariat
from workplan.models import Area, Deliverable, Step, Workplan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def coalition():
    agency_a, agency_b = make_agency("AGA", name="Agency A"), make_agency("AGB", name="Agency B")
    make_secretariat(username="sec", email="sec@ilo.example.org")
    make_member(agency_a, username="member_a", email="ana@agency-a.example.org")
    viet_nam = make_country("VN")
    CountryStatus.objects.create(
        country=viet_nam, status=Status.SELECTED, since=datetime.date(2012, 3, 1)
    )
    workplan = Workplan.objects.create(year=2012, title="Workplan 2012")
    area = Area.objects.create(workplan=workplan, number=1, title="Country operations")
    deliverable = Deliverable.objects.create(area=area, title="Joint SPF assessment in Viet Nam")
    deliverable.responsible_agencies.set([agency_a])
    Step.objects.create(
        deliverable=deliverable, title="Assessment report", due_date=datetime.date(2012, 9, 30)
    )
    CountryDeliverable.objects.create(deliverable=deliverable, country=viet_nam)
    return agency_a, agency_b


def _fill_inline(page, prefix: str, index: int, values: dict[str, str]) -> None:
    for name, value in values.items():
        field = page.locator(f"[name={prefix}-{index}-{name}]")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        elif value == "on":
            field.check()
        else:
            field.fill(value)


def test_a_meeting_from_the_admin_to_the_public_log(page, other_page, coalition):
    from playwright.sync_api import expect

    # The secretariat records the meeting, its decisions and action points in one page.
    log_in_and_wait(page, "sec@ilo.example.org")
    page.goto(f"{page.base_url}/admin/decisions/meeting/add/")
    page.fill("[name=title]", "Coalition meeting, February")
    page.fill("[name=date]", "2012-02-10")
    page.fill("[name=place]", "Geneva")
    page.fill("[name=minutes]", "## Outcomes\n\n- **Mapping** of SPF activities")
    for _ in range(2):
        page.get_by_text("Add another Decision").click()
    _fill_inline(
        page,
        "decisions",
        0,
        {
            "decided_on": "2012-02-10",
            "text": "Identify pilot countries and self-starters",
            "is_public": "on",
        },
    )
    _fill_inline(
        page, "decisions", 1, {"decided_on": "2012-02-10", "text": "Hire a funding consultant"}
    )
    actions = [
        ("Send the matrix to all members", "AGA", "2012-02-29"),
        ("Complete the matrix", "AGB", "2012-05-31"),
        ("Draft the funding strategy paper", "AGA", "2012-09-30"),
    ]
    for index, (text, agency, due) in enumerate(actions):
        page.get_by_text("Add another Action point").click()
        _fill_inline(
            page,
            "action_points",
            index,
            {
                "text": text,
                "owner_agency": agency,
                "due_date": due,
            },
        )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Some decisions are public")
    meeting = Meeting.objects.get(title="Coalition meeting, February")
    assert meeting.decisions.count() == 2
    assert meeting.action_points.count() == 3
    matrix_call = ActionPoint.objects.get(text="Send the matrix to all members")
    assert matrix_call.step.due_date == datetime.date(2012, 2, 29)

    # Agency A's member uploads the output of its action point: its step is completed.
    log_in_and_wait(other_page, "ana@agency-a.example.org")
    other_page.goto(f"{other_page.base_url}/decisions/meetings/{meeting.pk}/")
    row = other_page.locator(f"#action-{matrix_call.pk}")
    row.get_by_role("link", name="Upload the output").click()
    other_page.fill("[name=title]", "Matrix as sent")
    other_page.fill("[name=date]", "2012-02-28")
    other_page.set_input_files(
        "[name=file]", files=[{"name": "matrix.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    other_page.get_by_label("This is the finished output: it completes the step").check()
    other_page.get_by_role("button", name="Add it").click()
    expect(other_page.locator(".messages")).to_contain_text("the step is completed")
    expect(row.locator(".action-status")).to_have_text("done")
    expect(row).to_contain_text("Matrix as sent")
    matrix_call.refresh_from_db()
    assert matrix_call.step.completed_on == datetime.date(2012, 2, 28)

    # Anyone: the public log and the feed hold the public decision only.
    page.context.clear_cookies()
    page.goto(f"{page.base_url}/decisions/")
    expect(page.locator(".decision-log")).to_contain_text("Identify pilot countries")
    expect(page.locator(".decision-log")).not_to_contain_text("funding consultant")
    feed = page.request.get(f"{page.base_url}/decisions/feed/").text()
    assert "Identify pilot countries" in feed and "funding consultant" not in feed

    # Viet Nam, selected, shows its joint workplan on its page.
    page.goto(f"{page.base_url}/countries/VN/")
    section = page.locator(".country-decisions")
    expect(section).to_contain_text("Selected for joint work")
    expect(section.locator(".joint-plan")).to_contain_text("Joint SPF assessment in Viet Nam")
    expect(section.locator(".joint-plan")).to_contain_text("Assessment report")


def test_the_decisions_pages_fit_a_phone_in_french(browser, live_server, coalition):
    """375 px wide, in French: no page of the decisions is wider than the screen."""
    from accounts.models import Profile

    agency_a, _agency_b = coalition
    Profile.objects.filter(user__email="ana@agency-a.example.org").update(language="fr")
    meeting = Meeting.objects.create(
        title="Réunion de la coalition sur les socles de protection sociale",
        date=datetime.date(2012, 2, 10),
        minutes="## Résultats\n\n- Cartographier **toutes** les activités",
    )
    meeting.decisions.create(
        text="Identifier les pays pilotes et les pays autonomes " * 3,
        decided_on=meeting.date,
        is_public=True,
    )
    ActionPoint.objects.create(
        meeting=meeting,
        text="Envoyer la matrice des activités SPF par pays à tous les membres",
        owner_agency=agency_a,
        due_date=datetime.date(2012, 2, 29),
    )
    context = browser.new_context(
        viewport={"width": 375, "height": 812}, locale="fr-FR", is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    phone = context.new_page()
    phone.base_url = live_server.url
    try:
        log_in_and_wait(phone, "ana@agency-a.example.org")
        paths = [
            "/decisions/",
            "/decisions/meetings/",
            f"/decisions/meetings/{meeting.pk}/",
            "/decisions/action-points/",
            f"/decisions/documents/new/?meeting={meeting.pk}",
            f"/decisions/action-points/{meeting.action_points.get().pk}/",
            "/countries/VN/",
        ]
        too_wide = {}
        for path in paths:
            phone.goto(f"{phone.base_url}{path}")
            width = phone.evaluate("() => document.scrollingElement.scrollWidth")
            if width > 375:
                too_wide[path] = width
        assert too_wide == {}
        phone.goto(f"{phone.base_url}/decisions/")
        assert phone.locator("h1").inner_text() == "Registre des décisions"
    finally:
        context.close()
