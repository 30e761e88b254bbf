"""A member reports in minutes: chooses an indicator with its baseline and target, enters a
period's value with parts by sex and evidence, submits it; the secretariat returns it with a
reason, the member corrects it, the secretariat approves it; a stale page is a 409."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from results.models import ActivityIndicator, ResultValue, ReviewStatus

pytestmark = pytest.mark.django_db


def test_a_member_chooses_an_indicator_with_baseline_and_targets(
    member_a_client, activity_a, people_new
):
    url = reverse("results:indicator_add", args=[activity_a.reference])
    response = member_a_client.post(
        url,
        {
            "indicator": people_new.pk,
            "baseline_value": "1 000",
            "baseline_date": "2024-01-01",
            "target_1_value": "20,000",
            "target_1_date": "2027-12-31",
        },
    )
    assert response.status_code == 302
    link = ActivityIndicator.objects.get(activity=activity_a)
    assert link.baseline_value == Decimal(1000)
    assert [(t.value, t.date) for t in link.targets.all()] == [
        (Decimal(20000), datetime.date(2027, 12, 31))
    ]


def test_a_target_without_date_is_refused_and_nothing_saved(
    member_a_client, activity_a, people_new
):
    url = reverse("results:indicator_add", args=[activity_a.reference])
    response = member_a_client.post(url, {"indicator": people_new.pk, "target_1_value": "5"})
    assert response.status_code == 200
    assert "Give the date the target is for." in response.content.decode()
    assert not ActivityIndicator.objects.exists()


def post_value(client, link, period, **extra):
    data = {
        "period": period.pk,
        "value": "12 400",
        "part-sex-f": "6000",
        "part-sex-m": "6400",
        "evidence_url": "https://example.org/report.pdf",
        "comment": "From the ministry",
        "then": "submit",
    }
    data.update(extra)
    return client.post(reverse("results:value_add", args=[link.pk]), data)


def test_the_whole_journey(
    client, member_a, secretariat, link, period, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    response = post_value(client, link, period)
    assert response.status_code == 302
    result = ResultValue.objects.get()
    assert result.status == ReviewStatus.SUBMITTED and result.value == Decimal(12400)
    assert sorted((p.category, p.value) for p in result.parts.all()) == [("f", 6000), ("m", 6400)]
    page = client.get(reverse("results:activity", args=[link.activity.reference])).content.decode()
    assert "12,400" in page and "Submitted" in page

    client.force_login(secretariat)
    queue = client.get(reverse("results:review")).content.decode()
    assert "12,400" in queue
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("results:value_return", args=[result.pk]),
            {"reason": "Split by age too", "version": result.version},
        )
    result.refresh_from_db()
    assert result.status == ReviewStatus.RETURNED and len(mail.outbox) == 1

    client.force_login(member_a)
    edit = reverse("results:value_edit", args=[result.pk])
    assert "Split by age too" in client.get(edit).content.decode()
    response = client.post(
        edit,
        {
            "value": "12400",
            "part-sex-f": "6000",
            "part-sex-m": "6400",
            "part-age-children": "12400",
            "version": result.version,
            "then": "submit",
        },
    )
    assert response.status_code == 302
    result.refresh_from_db()
    assert result.status == ReviewStatus.SUBMITTED and result.parts.count() == 3

    client.force_login(secretariat)
    client.post(reverse("results:value_approve", args=[result.pk]), {"version": result.version})
    assert ResultValue.objects.public().get() == result


def test_parts_exceeding_the_total_change_nothing(member_a_client, link, period):
    response = post_value(member_a_client, link, period, **{"part-sex-f": "9000"})
    assert response.status_code == 400
    assert "exceed the total" in response.content.decode()
    assert not ResultValue.objects.exists()


def test_parts_not_adding_up_are_saved_with_a_warning(member_a_client, link, period):
    response = post_value(member_a_client, link, period, **{"part-sex-m": ""}, follow=False)
    assert response.status_code == 302
    page = member_a_client.get(response.url).content.decode()
    assert "do not add up to the total" in page


def test_a_stale_save_is_a_409_and_keeps_the_entries(member_a_client, draft, secretariat):
    seen = draft.version
    from results.services import save_value

    draft.value = 2000
    save_value(secretariat, draft, seen, {})
    response = member_a_client.post(
        reverse("results:value_edit", args=[draft.pk]),
        {"value": "3333", "version": seen, "then": "draft"},
    )
    assert response.status_code == 409
    assert 'value="3333"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.value == 2000


def test_the_activity_page_shows_its_results_panel(member_a_client, draft):
    page = member_a_client.get(
        reverse("activities:history", args=[draft.activity_indicator.activity.reference])
    )
    html = page.content.decode()
    assert 'id="activity-results-title"' in html and "1,000" in html and "Report results" in html


def test_a_second_value_for_the_same_period_is_refused(member_a_client, draft, link, period):
    response = post_value(member_a_client, link, period)
    assert response.status_code == 400
    assert "already has a value for 2025" in response.content.decode()
    assert ResultValue.objects.get() == draft


def test_a_non_number_and_a_locked_period_are_named_and_change_nothing(
    member_a_client, link, period
):
    response = post_value(member_a_client, link, period, value="a lot")
    assert "“a lot” is not a number." in response.content.decode()
    period.locked_at = "2026-01-01T00:00:00Z"
    period.save()
    response = post_value(member_a_client, link, period)
    assert "is locked" in response.content.decode()
    assert not ResultValue.objects.exists()
