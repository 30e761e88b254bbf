"""A submitted part shows as submitted: the banner thanks and says when, rows added after the
submission are listed apart and not counted against it; "Submit" names the unanswered rows
before it submits; "My agency's rows" shows one banner."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity
from rounds.models import RoundAgency
from rounds.services import parts_with_progress, submit_part
from tests.factories import Role, make_activity


def checklist(client, part):
    return client.get(reverse("rounds:checklist", kwargs={"part_id": part.pk}))


@pytest.fixture
def submitted(member_a, part_a, rows_a):
    """A's part submitted a day ago; then a row added."""
    submit_part(member_a, part_a)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    RoundAgency.objects.filter(pk=part_a.pk).update(submitted_at=yesterday)
    Activity.objects.filter(pk__in=[row.pk for row in rows_a]).update(
        created_at=yesterday - datetime.timedelta(days=1)
    )
    part_a.refresh_from_db()
    return make_activity(agencies={part_a.agency: Role.LEAD}, title="Added after")


def test_it_thanks_in_the_banner_and_says_when(member_a_client, part_a, submitted):
    content = member_a_client.get("/").content.decode()
    assert "Thank you: AGA's part was submitted on" in content
    assert "please update your rows" not in content


def test_it_lists_rows_added_since_apart(member_a_client, part_a, submitted):
    response = checklist(member_a_client, part_a)
    assert [row.title for row, _answer, _url in response.context["added_rows"]] == ["Added after"]
    assert response.context["total"] == 3


def test_it_counts_added_rows_apart_on_the_dashboard(part_a, submitted):
    part = next(p for p in parts_with_progress(part_a.round) if p.pk == part_a.pk)
    assert (part.row_count, part.added_since) == (3, 1)


def test_it_names_the_unanswered_rows_before_submitting(member_a_client, part_a, rows_a):
    response = member_a_client.post(reverse("rounds:submit", kwargs={"part_id": part_a.pk}))
    assert response.status_code == 200
    assert {row.pk for row in response.context["waiting"]} == {row.pk for row in rows_a}
    assert RoundAgency.objects.get(pk=part_a.pk).submitted_at is None


def test_it_submits_at_once_when_every_row_is_answered(member_a_client, member_a, part_a, rows_a):
    from rounds.models import Outcome
    from rounds.services import answer_row

    for row in rows_a:
        answer_row(member_a, part_a, row.pk, Outcome.CONFIRMED)
    response = member_a_client.post(reverse("rounds:submit", kwargs={"part_id": part_a.pk}))
    assert response.status_code == 302
    assert RoundAgency.objects.get(pk=part_a.pk).submitted_at is not None


def test_it_shows_one_round_banner_on_my_agency_s_rows(member_a_client, part_a, rows_a):
    content = member_a_client.get(reverse("activities:my_rows")).content.decode()
    assert content.count('class="round-banner"') == 1


def test_it_shows_no_site_banner_on_the_checklist_itself(member_a_client, part_a):
    assert 'class="round-banner"' not in checklist(member_a_client, part_a).content.decode()
