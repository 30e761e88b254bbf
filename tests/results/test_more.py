"""The rest of the members' side: queries that do not grow with the values, a country's
coverage figure refused when out of range, a returned milestone's author told, the admin's
pages, a round opened for a period."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from results.models import (
    CountryMilestone,
    CoverageFigure,
    ReportingPeriod,
    ResultValue,
    ReviewStatus,
    ValuePart,
)
from rounds.models import UpdateRound

pytestmark = pytest.mark.django_db


def add_values(link, n):
    for year in range(2024, 2024 + n):
        period, _ = ReportingPeriod.objects.get_or_create(
            label=str(year),
            defaults={"start": datetime.date(year, 1, 1), "end": datetime.date(year, 12, 31)},
        )
        value = ResultValue.objects.create(
            activity_indicator=link, period=period, value=Decimal(100)
        )
        ValuePart.objects.create(result=value, dimension="sex", category="f", value=50)


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_activity_s_results_page_and_panel_cost_the_same_for_one_value_or_four(
    member_a_client, link
):
    results = reverse("results:activity", args=[link.activity.reference])
    history = reverse("activities:history", args=[link.activity.reference])
    add_values(link, 1)
    few = (queries_of(member_a_client, results), queries_of(member_a_client, history))
    ResultValue.objects.all().delete()
    add_values(link, 4)
    assert (queries_of(member_a_client, results), queries_of(member_a_client, history)) == few


def test_a_coverage_figure_over_100_percent_is_refused(member_a_client, activity_a, senegal):
    sdg = CoverageFigure._meta.get_field("indicator").related_model.objects.get(code="SDG-1.3.1")
    url = reverse("results:figure_add", args=["SN"])
    response = member_a_client.post(
        url, {"indicator": sdg.pk, "value": "140", "year": "2025", "then": "draft"}
    )
    assert response.status_code == 400
    assert "between 0 and 100" in response.content.decode()
    response = member_a_client.post(url, {"indicator": sdg.pk, "value": "lots", "year": "2025"})
    assert "“lots” is not a number." in response.content.decode()
    assert not CoverageFigure.objects.exists()


def test_a_member_of_an_agency_not_working_in_the_country_may_not_add_there(
    member_b_client, activity_a
):
    response = member_b_client.post(reverse("results:milestone_add", args=["SN"]), {"title": "x"})
    assert response.status_code == 403
    assert not CountryMilestone.objects.exists()


def test_a_returned_milestone_s_author_is_told(
    member_a_client, secretariat, activity_a, agency_a, django_capture_on_commit_callbacks
):
    member_a_client.post(
        reverse("results:milestone_add", args=["SN"]),
        {
            "title": "Child benefit law",
            "language": "en",
            "achieved_on": "2025-05-01",
            "agencies": [agency_a.pk],
            "then": "submit",
        },
    )
    milestone = CountryMilestone.objects.get()
    assert milestone.status == ReviewStatus.SUBMITTED
    member_a_client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        member_a_client.post(
            reverse("results:milestone_review", args=[milestone.pk, "return"]),
            {"reason": "Which law?"},
        )
    milestone.refresh_from_db()
    assert milestone.status == ReviewStatus.RETURNED
    [email] = mail.outbox
    assert "Which law?" in email.body and "/results/countries/SN/entry/" in email.body


def test_the_admin_pages_open(superuser_client, draft):
    for name in (
        "indicator",
        "reportingperiod",
        "activityindicator",
        "resultvalue",
        "countrymilestone",
        "coveragefigure",
    ):
        assert superuser_client.get(reverse(f"admin:results_{name}_changelist")).status_code == 200
    assert (
        superuser_client.get(
            reverse("admin:results_resultvalue_change", args=[draft.pk])
        ).status_code
        == 200
    )


def test_the_admin_asks_the_members_checks(superuser_client, draft):
    url = reverse("admin:results_resultvalue_change", args=[draft.pk])
    data = {
        "activity_indicator": draft.activity_indicator_id,
        "period": draft.period_id,
        "value": "-5",
        "status": "draft",
        "parts-TOTAL_FORMS": 0,
        "parts-INITIAL_FORMS": 0,
    }
    response = superuser_client.post(url, data)
    assert response.status_code == 200
    assert "cannot be negative" in response.content.decode()
    draft.refresh_from_db()
    assert draft.value == 1000


def test_a_round_opened_on_its_page_asks_for_a_period(secretariat_client, agency_a, period):
    deadline = (timezone.localdate() + datetime.timedelta(days=9)).isoformat()
    secretariat_client.post(
        reverse("rounds:open"),
        {
            "title": "2025 results",
            "deadline": deadline,
            "period": period.pk,
            "agencies": [agency_a.pk],
        },
    )
    assert UpdateRound.objects.get().period == period


def test_the_country_page_links_to_its_results_for_those_who_add_them(
    client, member_a, member_b, activity_a
):
    url, entry = (
        reverse("countries:detail", args=["SN"]),
        reverse("results:country_entry", args=["SN"]),
    )
    assert entry not in client.get(url).content.decode()
    client.force_login(member_b)
    assert entry not in client.get(url).content.decode()
    client.force_login(member_a)
    assert entry in client.get(url).content.decode()
