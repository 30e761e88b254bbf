"""A round asks for its period's results: the checklist lists the indicators still lacking a
value, closing the round locks the period (the secretariat unlocks one value with a reason),
the report counts the results reported per agency."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from results.models import ActivityIndicator, Indicator, ResultValue
from rounds.models import RoundAgency
from rounds.services import close_round, open_round, reopen_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_asking(secretariat, agency_a, agency_b, period):
    return open_round(
        secretariat,
        title="2025 results",
        deadline=timezone.localdate() + datetime.timedelta(days=10),
        agencies=[agency_a, agency_b],
        period=period,
    )


@pytest.fixture
def law_link(activity_a):
    return ActivityIndicator.objects.create(
        activity=activity_a, indicator=Indicator.objects.get(code="LAW")
    )


def test_the_checklist_lists_the_indicators_still_lacking_a_value(
    member_a_client, round_asking, draft, law_link, agency_a
):
    part = RoundAgency.objects.get(round=round_asking, agency=agency_a)
    page = member_a_client.get(reverse("rounds:checklist", args=[part.pk])).content.decode()
    assert "Results for 2025" in page
    assert "1 indicator still lacks a value for this period" in page
    assert "Laws or policies adopted" in page
    assert reverse("results:value_add", args=[law_link.pk]) in page


def test_closing_the_round_locks_its_period_and_reopening_unlocks_it(
    round_asking, draft, secretariat, member_a_client
):
    close_round(round_asking, secretariat)
    draft.refresh_from_db()
    assert draft.is_locked
    response = member_a_client.post(
        reverse("results:value_edit", args=[draft.pk]), {"value": "5", "version": draft.version}
    )
    assert response.status_code == 403
    assert ResultValue.objects.get().value == 1000
    reopen_round(round_asking, secretariat)
    draft.period.refresh_from_db()
    assert not draft.period.is_locked
    assert "reopened" in draft.period.unlock_reason


def test_the_secretariat_unlocks_one_value_with_a_reason(round_asking, draft, secretariat_client):
    close_round(round_asking)
    url = reverse("results:value_unlock", args=[draft.pk])
    secretariat_client.post(url, {"reason": ""})
    draft.refresh_from_db()
    assert draft.is_locked
    secretariat_client.post(url, {"reason": "Ministry revised its count"})
    draft.refresh_from_db()
    assert not draft.is_locked and draft.unlock_reason == "Ministry revised its count"


def test_the_report_counts_the_results_reported(round_asking, draft, law_link, secretariat_client):
    page = secretariat_client.get(reverse("rounds:report", args=[round_asking.pk])).content.decode()
    assert "Results reported for 2025" in page
    assert "1 of 2" in page


def test_the_round_s_dashboard_links_its_period_s_review(round_asking, secretariat_client):
    page = secretariat_client.get(
        reverse("rounds:dashboard", args=[round_asking.pk])
    ).content.decode()
    assert "Results for 2025 to review" in page and reverse("results:review") in page
