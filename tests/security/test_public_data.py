"""What an anonymous visitor downloads or reads from the API holds nothing the anonymous pages
hide: contacts, funding amounts, contributions' notes, activity budgets, country assessments.

The pages are the reference: each private value is first shown to be absent from every
anonymous page (and present where a member reads it, so the test can see it), then looked
for in every anonymous download, feed and API answer. A new download or API endpoint must
be added to the lists below (the last test walks the site's URL names)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import get_resolver

from countries.models import CountryAssessment, Rating, SelectionCriterion
from decisions.models import Document, Visibility
from funding.models import ActivityBudget
from tests.api.coalition import build_coalition

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

# What the anonymous pages do not show, as it may be written in any file (an amount with or
# without thousands separators, in any language's style).
PRIVATE = {
    "focal point's email": re.compile(r"lan@a\.example\.org"),
    "focal point's phone": re.compile(r"799\D?0042"),
    "contribution amount": re.compile(r"1\D{0,2}234\D{0,2}567"),
    "contribution note": re.compile(r"Pledge under negotiation"),
    "activity budget": re.compile(r"7\D{0,2}654\D{0,2}321"),
    "assessment evidence": re.compile(r"Minister.s confidential letter"),
    "draft result value": re.compile(r"Draft figure under review"),
    "members-only output": re.compile(r"Draft terms of reference for the members"),
}

PAGES = [
    "/",
    "/matrix/",
    "/grid/",
    "/map/",
    "/map/data/",
    "/countries/",
    "/countries/VN/",
    "/countries/VN/brief/",
    "/agencies/",
    "/agencies/AGA/",
    "/workplan/",
    "/workplan/2012/",
    "/workplan/timeline/",
    "/funding/",
    "/catalogues/tools/",
    "/catalogues/data/",
    "/catalogues/processes/",
    "/catalogues/outreach/",
]
# Every download and API answer an anonymous visitor gets (URL name: addresses). The
# spreadsheets are read as CSV: XLSX and ODS write the same table (tests/exports).
DOWNLOADS = {
    "activities:matrix_export": [
        "/export/?format=csv",
        "/export/?format=hxl",
        "/export/?format=hxl-long",
    ],
    "countries:export": ["/countries/VN/export/?format=csv"],
    "agencies:export": ["/agencies/AGA/export/?format=csv"],
    "workplan:export": ["/workplan/2012/export/?format=csv"],
    "workplan:agency_calendar": ["/workplan/calendar/agency/AGA.ics"],
    "funding:export": ["/funding/export/?format=csv"],
    "catalogues:tools": ["/catalogues/tools/?format=csv"],
    "catalogues:data_sets": ["/catalogues/data/?format=csv"],
    "catalogues:processes": ["/catalogues/processes/?format=csv"],
    "catalogues:outreach": ["/catalogues/outreach/?format=csv"],
    "activities:import_template": ["/import/template/"],
    "api:iati": ["/api/iati/activities.xml"],
    "api:api-root": ["/api/v1/"],
    "api:activity-list": ["/api/v1/activities/"],
    "api:activity-detail": ["/api/v1/activities/{costing}/"],
    "api:country-list": ["/api/v1/countries/"],
    "api:country-detail": ["/api/v1/countries/VN/"],
    "api:agency-list": ["/api/v1/agencies/"],
    "api:agency-detail": ["/api/v1/agencies/AGA/"],
    "api:focal-point-list": ["/api/v1/focal-points/"],
    "api:focal-point-detail": ["/api/v1/focal-points/{person}/"],
    "api:deliverable-list": ["/api/v1/deliverables/"],
    "api:deliverable-detail": ["/api/v1/deliverables/{deliverable}/"],
    "api:step-list": ["/api/v1/steps/"],
    "api:step-detail": ["/api/v1/steps/{step}/"],
    "api:contribution-list": ["/api/v1/contributions/"],
    "api:contribution-detail": ["/api/v1/contributions/{contribution}/"],
    "api:tool-list": ["/api/v1/tools/"],
    "api:tool-detail": ["/api/v1/tools/{tool}/"],
    "api:data-set-list": ["/api/v1/data-sets/"],
    "api:data-set-detail": ["/api/v1/data-sets/{data_set}/"],
    "api:process-list": ["/api/v1/processes/"],
    "api:process-detail": ["/api/v1/processes/{process}/"],
    "api:outreach-list": ["/api/v1/outreach/"],
    "api:outreach-detail": ["/api/v1/outreach/{material}/"],
    # Meetings and decisions: the lists an anonymous visitor reads (empty of members-only
    # rows, tests/decisions/test_api.py), the public log's download and its feed.
    "api:meeting-list": ["/api/v1/meetings/"],
    "api:decision-list": ["/api/v1/decisions/"],
    "api:action-point-list": ["/api/v1/action-points/"],
    "api:document-list": ["/api/v1/documents/"],
    "api:country-status-list": ["/api/v1/country-statuses/"],
    "api:indicator-list": ["/api/v1/indicators/"],
    "api:indicator-detail": ["/api/v1/indicators/SDG-1.3.1/"],
    "api:result-value-list": ["/api/v1/result-values/"],
    "api:result-value-detail": ["/api/v1/result-values/{approved_value}/"],
    "api:milestone-list": ["/api/v1/milestones/"],
    "api:milestone-detail": ["/api/v1/milestones/{milestone}/"],
    "api:coverage-figure-list": ["/api/v1/coverage-figures/"],
    "api:coverage-figure-detail": ["/api/v1/coverage-figures/{figure}/"],
    "results_data:download": [
        "/results/data/download/?format=csv",
        "/results/data/download/?format=hxl",
    ],
    # Joint country workplans: Viet Nam's, whose members-only output the page keeps from
    # anonymous.
    "api:country-workplan-list": ["/api/v1/country-workplans/"],
    "api:country-workplan-detail": ["/api/v1/country-workplans/VN/"],
    "decisions:log": ["/decisions/?format=csv", "/decisions/feed/"],
    "decisions:meetings": ["/decisions/meetings/?format=csv"],
}
# Downloads an anonymous visitor does not get at all (members, the secretariat, one person).
NOT_ANONYMOUS = {
    "countries:assessments_export",
    "overview:dashboard_export",
    "funding:totals_export",
    "rounds:dashboard_export",
    "rounds:dashboard_export_xlsx",
    "workplan:user_calendar",
    # One meeting, decision, action point, document or status each: this coalition has no
    # public one (their rights: tests/decisions/test_permissions.py and test_api.py).
    "api:meeting-detail",
    "api:decision-detail",
    "api:action-point-detail",
    "api:document-detail",
    "api:country-status-detail",
}


@pytest.fixture
def coalition(agency_a, agency_b):
    found = build_coalition(agency_a, agency_b)
    found.person.phone = "+41 22 799 0042"
    found.person.save()
    found.contribution.note = "Pledge under negotiation"
    found.contribution.save()
    ActivityBudget.objects.create(
        activity=found.costing,
        year=2012,
        amount=Decimal("7654321"),
        currency="CHF",
        funder=agency_b,
    )
    CountryAssessment.objects.create(
        country=found.vn,
        criterion=SelectionCriterion.objects.create(number=1, title="A country request exists"),
        rating=Rating.MET,
        note="Minister's confidential letter",
        assessed_on=datetime.date(2012, 5, 31),
    )
    found.tool = found.costing.tools_used.get()
    # A draft of agency A's activity: its members and the secretariat read it, nobody else.
    from results.models import ResultValue

    ResultValue.objects.create(
        activity_indicator=found.approved_value.activity_indicator,
        period=found.period,
        country=found.mz,
        value=Decimal(777),
        comment="Draft figure under review",
    )
    Document.objects.create(
        title="Draft terms of reference for the members",
        date=datetime.date(2012, 4, 1),
        visibility=Visibility.MEMBERS,
        file="documents/draft.pdf",  # a row only: nothing here opens the file
        original_name="draft.pdf",
        content_type="application/pdf",
        extension=".pdf",
        size=1000,
        deliverable=found.deliverable,
    )
    return found


def _text(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def _revealed(text: str) -> list[str]:
    return [name for name, pattern in PRIVATE.items() if pattern.search(text)]


def _address(template: str, coalition) -> str:
    ids = {
        "costing": coalition.costing.reference,
        "person": coalition.person.pk,
        "deliverable": coalition.deliverable.pk,
        "step": coalition.step.pk,
        "contribution": coalition.contribution.pk,
        "tool": coalition.tool.pk,
        "data_set": coalition.data_set.pk,
        "process": coalition.process.pk,
        "material": coalition.material.pk,
        "approved_value": coalition.approved_value.pk,
        "milestone": coalition.milestone.pk,
        "figure": coalition.figure.pk,
    }
    return template.format(**ids)


def test_the_anonymous_pages_hide_every_private_value(client, coalition):
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _revealed(_text(response)) == [], url


def test_a_member_reads_them_where_the_hub_shows_them(member_a_client, coalition, settings):
    """The values are written as the files write them: the test would see them."""
    settings.SPF_IATI_PUBLISH_BUDGETS = True
    seen = set()
    for url in [
        "/funding/export/?format=csv",
        "/export/?format=csv",
        "/api/iati/activities.xml",
        "/countries/assessments/export/?format=csv",
        "/results/data/download/?format=csv",
        "/api/v1/country-workplans/VN/",
    ]:
        seen.update(_revealed(_text(member_a_client.get(url))))
    assert seen == set(PRIVATE)


@pytest.mark.parametrize(
    "url", [pytest.param(u, id=u) for urls in DOWNLOADS.values() for u in urls]
)
def test_no_anonymous_download_or_api_answer_holds_more(client, coalition, url):
    response = client.get(_address(url, coalition))
    assert response.status_code == 200
    assert _revealed(_text(response)) == []


def test_the_lists_name_every_download_and_api_endpoint():
    names: set[str] = set()

    def walk(resolver, namespace: str = "") -> None:
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                inner = pattern.namespace or ""
                walk(pattern, f"{namespace}:{inner}".strip(":") if inner else namespace)
            elif pattern.name:
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver())
    downloads = {
        name
        for name in names
        if not name.startswith("admin:")  # the secretariat's
        and (
            re.search(r"export|calendar|iati|template", name)
            or (name.startswith("api:") and name.endswith(("-list", "-detail", "-root")))
        )
    }
    downloads.discard("workplan:replace_calendar_feed")  # a POST that replaces one
    downloads |= {
        name
        for name in DOWNLOADS
        if name.startswith(("catalogues:", "decisions:", "results_data:"))
    }
    assert downloads == set(DOWNLOADS) | NOT_ANONYMOUS
