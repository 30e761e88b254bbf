"""On a 375 px phone no page is wider than the screen and none writes an error to the console;
wide tables scroll inside their own frame (with a hint), never the whole page."""

import datetime

import pytest
from django.urls import URLResolver, get_resolver
from django.utils import timezone

from activities.models import Activity, Tool
from agencies.models import FocalPoint
from results.models import (
    ActivityIndicator,
    CountryMilestone,
    CoverageFigure,
    Indicator,
    ReportingPeriod,
    ResultValue,
    ReviewStatus,
    ValuePart,
)
from results.starting_set import load_starting_indicators
from rounds.models import RoundAgency, UpdateRound
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
from tests.results_pages.conftest import build_showcase
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
    ana = make_member(agencies[0], username="ana", email="ana@example.org")
    # Results with long names: the country's results page, its brief, the front page's
    # figures, the values behind them (a draft of AG0's for "ana" and "sec").
    build_showcase(viet_nam, agencies[0], agencies[1])
    Tool.objects.create(name="Rapid Assessment Protocol", acronym="RAP", owner=agencies[0])
    results_of(Activity.objects.filter(agencies=agencies[0]).order_by("pk").first(), ana)
    return agencies


def results_of(activity: Activity, member) -> None:
    """A period's value of AG0's first activity, split by sex, with a long evidence link; a
    milestone and a coverage figure of Viet Nam."""
    load_starting_indicators(Indicator.objects)  # a transactional test's flush empties them
    today = timezone.localdate()
    period = ReportingPeriod.objects.create(
        label=f"{today.year} first half", start=today.replace(month=1, day=1), end=today
    )
    people = Indicator.objects.get(code="PEOPLE-NEW")
    link = ActivityIndicator.objects.create(activity=activity, indicator=people, baseline_value=0)
    value = ResultValue.objects.create(
        activity_indicator=link,
        period=period,
        value=12400,
        status=ReviewStatus.SUBMITTED,
        submitted_by=member,
        evidence_url="https://example.org/a/very/long/path/to/the/ministry/report-2026.pdf",
    )
    ValuePart.objects.create(result=value, dimension="sex", category="f", value=6000)
    milestone = CountryMilestone.objects.create(
        country=activity.country,
        title="Universal child benefit law adopted by the National Assembly",
        achieved_on=today,
        created_by=member,
    )
    milestone.agencies.set(activity.agencies.all())
    CoverageFigure.objects.create(
        country=activity.country,
        indicator=Indicator.objects.get(code="SDG-1.3.1"),
        value=45,
        year=today.year,
        created_by=member,
    )


# Every page of the hub, by its URL name: where a visitor, a member ("ana", of AG0) and the
# secretariat ("sec") open it. {ref}, {pk}, {part}, {round}, {tool}, {person}, {history}
# are filled from the coalition. NOT_PAGES are the names that draw no page of their own.
PAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "overview:home": ("/", ("visitor", "member")),
    "overview:help": ("/help/", ("visitor", "member")),
    "overview:map": ("/map/", ("visitor", "member")),
    "overview:dashboard": ("/dashboard/", ("member", "secretariat")),
    "overview:country_brief": ("/countries/VN/brief/", ("visitor", "member")),
    "overview:country_results": ("/countries/VN/results/", ("visitor", "member", "secretariat")),
    "overview:results_people": ("/results/people-newly-covered/", ("visitor",)),
    "overview:results_laws": ("/results/new-laws/", ("visitor",)),
    "activities:matrix": ("/matrix/", ("visitor", "member", "secretariat")),
    "activities:grid": ("/grid/", ("visitor", "member")),
    "activities:my_rows": ("/my/", ("member",)),
    "activities:activity_add": ("/activities/new/", ("member",)),
    "activities:activity_edit": ("/activities/{pk}/edit/", ("member",)),
    "activities:activity_duplicate": ("/activities/{pk}/duplicate/", ("member",)),
    "activities:activity_close": ("/activities/{pk}/close/", ("member",)),
    "activities:activity_delete": ("/activities/{pk}/delete/", ("member",)),
    "activities:history": ("/activities/{ref}/history/", ("member",)),
    "activities:restore": ("/activities/{ref}/restore/?history_id={history}", ("secretariat",)),
    "countries:index": ("/countries/", ("visitor",)),
    "countries:detail": ("/countries/VN/", ("visitor", "member")),
    "countries:assessments": ("/countries/assessments/", ("member",)),
    "countries:assessment_start": ("/countries/assessments/assess/", ("member",)),
    "countries:assessment": ("/countries/assessments/VN/", ("member",)),
    "agencies:index": ("/agencies/", ("visitor",)),
    "agencies:detail": ("/agencies/UN-Habitat/", ("visitor", "member")),
    "agencies:focal_point_add": ("/agencies/focal-points/new/", ("member",)),
    "agencies:focal_point_edit": ("/agencies/focal-points/{person}/edit/", ("member",)),
    "workplan:board": ("/workplan/", ("visitor", "member")),
    "workplan:board_year": ("/workplan/{year}/", ("visitor",)),
    "workplan:timeline": ("/workplan/timeline/", ("visitor",)),
    "workplan:timeline_year": ("/workplan/{year}/timeline/", ("visitor",)),
    "workplan:my_deadlines": ("/workplan/my-deadlines/", ("member",)),
    "workplan:coalition_deadlines": ("/workplan/deadlines/", ("secretariat",)),
    "rounds:index": ("/rounds/", ("secretariat",)),
    "rounds:open": ("/rounds/open/", ("secretariat",)),
    "rounds:dashboard": ("/rounds/{round}/", ("secretariat",)),
    "rounds:checklist": ("/rounds/parts/{part}/", ("member",)),
    "rounds:submit": ("/rounds/parts/{part}/submit/", ("member",)),  # a GET: the 405 page
    "rounds:report": ("/rounds/{round}/report/", ("secretariat",)),
    "rounds:diff": ("/rounds/{round}/changes/", ("secretariat",)),
    "activities:changes": ("/matrix/changes/", ("member", "secretariat")),
    "decisions:log": ("/decisions/", ("visitor", "member")),
    "decisions:meetings": ("/decisions/meetings/", ("visitor", "member")),
    "decisions:actions": ("/decisions/action-points/", ("member",)),
    "imports:upload": ("/import/", ("member",)),
    "funding:index": ("/funding/", ("visitor", "member")),
    "catalogues:tools": ("/catalogues/tools/", ("visitor",)),
    "catalogues:data_sets": ("/catalogues/data/", ("visitor",)),
    "catalogues:processes": ("/catalogues/processes/", ("visitor",)),
    "catalogues:outreach": ("/catalogues/outreach/", ("visitor",)),
    "catalogues:add": ("/catalogues/tools/new/", ("member",)),
    "catalogues:edit": ("/catalogues/tools/{tool}/edit/", ("member",)),
    "api:docs": ("/api/docs/", ("visitor",)),
    "api:token": ("/api/token/", ("member",)),
    "login": ("/accounts/login/", ("visitor",)),
    "password_reset": ("/accounts/password-reset/", ("visitor",)),
    "password_reset_done": ("/accounts/password-reset/sent/", ("visitor",)),
    "password_reset_complete": ("/accounts/password-reset/done/", ("visitor",)),
    "profile": ("/accounts/profile/", ("member",)),
    "password_change": ("/accounts/password/", ("member",)),
    "password_change_done": ("/accounts/password/done/", ("member",)),
    "results:activity": ("/results/activities/{ref}/", ("member", "secretariat")),
    "results:indicator_add": ("/results/activities/{ref}/indicators/new/", ("member",)),
    "results:indicator_edit": ("/results/indicators/{link}/", ("member",)),
    "results:value_add": ("/results/indicators/{link}/values/new/", ("member",)),
    "results:value_edit": ("/results/values/{value}/", ("member", "secretariat")),
    "results:review": ("/results/review/", ("secretariat",)),
    "results:country_entry": ("/results/countries/VN/entry/", ("member", "secretariat")),
    "results:milestone_add": ("/results/countries/VN/milestones/new/", ("member",)),
    "results:figure_add": ("/results/countries/VN/figures/new/", ("member",)),
    "results:milestone_edit": ("/results/milestones/{milestone}/", ("member",)),
    "results:figure_edit": ("/results/figures/{figure}/", ("member",)),
}
NOT_PAGES = {
    # Downloads, feeds, data and the schema.
    *("countries:export", "agencies:export", "workplan:export", "activities:matrix_export"),
    *("countries:assessments_export", "funding:export", "funding:totals_export"),
    *("rounds:dashboard_export", "rounds:dashboard_export_xlsx", "overview:dashboard_export"),
    "results_data:download",
    *("activities:import_template", "workplan:user_calendar", "workplan:agency_calendar"),
    *("api:schema", "api:iati", "api:api-root", "healthz", "overview:map_data"),
    *("activities:focal_point_options", "activities:subdivision_options", "imports:progress"),
    # Answers to a form (POST) and links sent by email with a secret token.
    *("set_language", "logout", "follows:follow", "follows:unfollow", "rounds:close"),
    *("rounds:reopen", "rounds:confirm_row", "rounds:close_row", "activities:quick_edit"),
    *("workplan:replace_calendar_feed", "imports:decide", "imports:apply"),
    *("password_reset_confirm", "accept_invitation", "workplan:digest_off"),
    *("activities:proposal_accept", "activities:proposal_decline", "rounds:accept"),
    *("rounds:return", "rounds:lock", "rounds:unlock", "rounds:comment_part"),
    *("rounds:comment_row", "rounds:comment_edit", "rounds:comment_hide"),
    *("decisions:document_remove", "decisions:progress", "decisions:feed", "decisions:document"),
    # A meeting's, an action point's and an upload's pages (for a given step or row):
    # test_decisions_journey opens them.
    *("decisions:meeting", "decisions:action_update", "decisions:document_add"),
    # An import's own pages need an uploaded file: test_partner_import_journey opens them.
    *("imports:job", "imports:columns", "imports:reading", "imports:values"),
    # The results' review and submit buttons (POST).
    *("results:value_submit", "results:value_approve", "results:value_return"),
    *("results:value_unlock", "results:milestone_review", "results:figure_review"),
}


def url_names() -> set[str]:
    def walk(patterns, namespace: str):
        for item in patterns:
            if isinstance(item, URLResolver):
                if str(item.pattern).startswith("admin/"):
                    continue
                inner = f"{namespace}{item.namespace}:" if item.namespace else namespace
                yield from walk(item.url_patterns, inner)
            elif item.name and not item.name.endswith(("-list", "-detail")):
                yield f"{namespace}{item.name}"

    return set(walk(get_resolver().url_patterns, ""))


def paths_for(who: str, coalition) -> list[str]:
    activity = Activity.objects.filter(agencies__acronym="AG0").order_by("pk").first()
    ana_value = ResultValue.objects.get(evidence_url__contains="ministry/report-2026")
    values = {
        "pk": activity.pk,
        "ref": activity.reference,
        "history": activity.history.order_by("history_id").first().history_id,
        "part": RoundAgency.objects.get(agency__acronym="AG0").pk,
        "round": UpdateRound.objects.get().pk,
        "tool": Tool.objects.get().pk,
        "person": FocalPoint.objects.get().pk,
        "year": timezone.localdate().year,
        # What results_of made for "ana" (build_showcase makes others).
        "link": ana_value.activity_indicator_id,
        "value": ana_value.pk,
        "milestone": CountryMilestone.objects.get(created_by__username="ana").pk,
        "figure": CoverageFigure.objects.get(created_by__username="ana").pk,
    }
    return [path.format(**values) for path, people in PAGES.values() if who in people]


def too_wide(page, paths: list[str]) -> dict[str, object]:
    """The pages wider than the phone's screen, any whose title starts in lower case, and any
    that wrote an error to the console (a script failing, a Content-Security-Policy
    violation)."""
    found: dict[str, object] = {}
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in paths:
        errors.clear()
        response = page.goto(f"{page.base_url}{path}")
        width = page.evaluate("() => document.scrollingElement.scrollWidth")
        if width > PHONE["width"]:
            found[path] = width
        title = page.title()
        if title[:1] != title[:1].upper():
            found[path] = title
        # The 405 page of a POST-only address: Chromium notes the status as an error.
        shown = [e for e in errors if not (response.status == 405 and "status of 405" in e)]
        if shown:
            found[path] = shown
    return found


@pytest.fixture(params=["en-GB", "fr-FR", "es-ES"])
def phone(browser, live_server, request):
    context = browser.new_context(
        viewport=PHONE, locale=request.param, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.base_url = live_server.url
    yield page
    context.close()


def test_it_lists_every_page_of_the_hub():
    assert url_names() - set(PAGES) - NOT_PAGES == set()
    assert set(PAGES) - url_names() == set()


def test_it_fits_every_page_in_a_phone_for_a_visitor(phone, coalition):
    assert too_wide(phone, paths_for("visitor", coalition)) == {}


def test_it_fits_every_page_in_a_phone_for_a_member(phone, coalition):
    log_in_and_wait(phone, "ana@example.org")
    assert too_wide(phone, paths_for("member", coalition)) == {}


def test_it_fits_every_page_in_a_phone_for_the_secretariat(phone, coalition):
    log_in_and_wait(phone, "sec@example.org")
    assert too_wide(phone, paths_for("secretariat", coalition)) == {}


def test_it_keeps_the_header_compact_on_a_phone(phone, coalition):
    log_in_and_wait(phone, "ana@example.org")
    phone.goto(f"{phone.base_url}/matrix/")
    height = phone.locator("header").first.evaluate("el => el.getBoundingClientRect().height")
    assert height <= 120


def test_it_keeps_the_logged_in_menu_on_one_line_on_a_desktop(page, coalition):
    log_in_and_wait(page, "sec@example.org")
    page.goto(f"{page.base_url}/matrix/")
    tops = page.locator("header nav a, header nav button").evaluate_all(
        "els => els.filter(e => e.offsetParent).map(e => Math.round(e.getBoundingClientRect().top))"
    )
    assert tops and max(tops) - min(tops) <= 8


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
