"""The secretariat reviews submissions: accepts one, or returns it with a reason; the agency's
checklist reopens, its members are emailed in their language, and resubmission is counted."""

import pytest
from django.core import mail
from django.urls import reverse

from accounts.language import set_language
from rounds.models import RoundAgency, RoundAgencyStatus
from rounds.services import submit_part
from tests.factories import make_agency, make_member
from tests.outcomes import SECRETARIAT_ONLY, outcome

pytestmark = pytest.mark.postgres


@pytest.fixture
def submitted_a(part_a, member_a):
    submit_part(member_a, part_a)
    return RoundAgency.objects.get(pk=part_a.pk)


def _return(client, part, reason, capture):
    with capture(execute=True):
        return client.post(
            reverse("rounds:return", kwargs={"part_id": part.pk}), {"reason": reason}, follow=True
        )


def test_it_refuses_to_return_without_a_reason(
    secretariat_client, submitted_a, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    response = _return(secretariat_client, submitted_a, "   ", django_capture_on_commit_callbacks)
    part = RoundAgency.objects.get(pk=submitted_a.pk)
    assert part.submitted_at is not None and part.returned_at is None
    assert "AGA: Give a reason for returning the submission" in response.content.decode()
    assert mail.outbox == []


def test_it_returns_a_submission_reopens_the_checklist_and_emails_the_reason(
    secretariat_client, submitted_a, member_a, django_capture_on_commit_callbacks
):
    set_language(member_a, "fr")
    mail.outbox.clear()
    _return(
        secretariat_client,
        submitted_a,
        "Row 2 still says ongoing",
        django_capture_on_commit_callbacks,
    )
    part = RoundAgency.objects.get(pk=submitted_a.pk)
    assert part.status == RoundAgencyStatus.RETURNED
    assert part.submitted_at is None and part.return_reason == "Row 2 still says ongoing"
    [email] = mail.outbox
    assert email.to == ["member_a@example.org"]
    assert email.extra_headers["Content-Language"] == "fr"
    assert "Row 2 still says ongoing" in email.body
    assert reverse("rounds:checklist", kwargs={"part_id": part.pk}) in email.body
    # The history keeps the return and its reason.
    assert part.history.filter(return_reason="Row 2 still says ongoing").exists()


def test_the_member_sees_the_reason_and_resubmits(
    secretariat_client, client, submitted_a, member_a, django_capture_on_commit_callbacks
):
    _return(secretariat_client, submitted_a, "Check Senegal", django_capture_on_commit_callbacks)
    client.force_login(member_a)
    page = client.get(reverse("rounds:checklist", kwargs={"part_id": submitted_a.pk}))
    assert "Check Senegal" in page.content.decode()
    assert 'action="/rounds/parts/' in page.content.decode()  # the submit form is back
    client.post(reverse("rounds:submit", kwargs={"part_id": submitted_a.pk}), {"confirm": "1"})
    part = RoundAgency.objects.get(pk=submitted_a.pk)
    assert part.status == RoundAgencyStatus.SUBMITTED
    assert part.submissions == 2 and part.is_resubmission


def test_it_accepts_a_submission(secretariat_client, submitted_a, secretariat):
    secretariat_client.post(reverse("rounds:accept", kwargs={"part_id": submitted_a.pk}))
    part = RoundAgency.objects.get(pk=submitted_a.pk)
    assert part.status == RoundAgencyStatus.ACCEPTED and part.accepted_by == secretariat


def test_it_refuses_to_accept_or_return_what_is_not_submitted(secretariat_client, part_a):
    response = secretariat_client.post(
        reverse("rounds:accept", kwargs={"part_id": part_a.pk}), follow=True
    )
    assert "AGA has not submitted its part" in response.content.decode()
    response = secretariat_client.post(
        reverse("rounds:return", kwargs={"part_id": part_a.pk}), {"reason": "x"}, follow=True
    )
    assert "only a submission can be returned" in response.content.decode()
    assert RoundAgency.objects.get(pk=part_a.pk).status == RoundAgencyStatus.NOT_STARTED


def test_it_refuses_to_return_an_accepted_submission(secretariat_client, submitted_a):
    secretariat_client.post(reverse("rounds:accept", kwargs={"part_id": submitted_a.pk}))
    response = secretariat_client.post(
        reverse("rounds:return", kwargs={"part_id": submitted_a.pk}), {"reason": "x"}, follow=True
    )
    assert "already accepted" in response.content.decode()
    assert RoundAgency.objects.get(pk=submitted_a.pk).status == RoundAgencyStatus.ACCEPTED


def test_the_dashboard_counts_submitted_returned_and_accepted(
    secretariat_client, update_round, submitted_a, part_b, member_b
):
    submit_part(member_b, part_b)
    secretariat_client.post(reverse("rounds:accept", kwargs={"part_id": part_b.pk}))
    page = secretariat_client.get(reverse("rounds:dashboard", kwargs={"round_id": update_round.pk}))
    text = page.content.decode()
    assert "Submitted: <strong>1</strong>" in text
    assert "Accepted: <strong>1</strong>" in text
    assert "Returned for revision: <strong>0</strong>" in text


def test_the_admin_warns_of_agencies_nobody_can_answer_for(
    update_round, member_a, member_b, superuser_client
):
    lonely = make_agency("LONE")
    update_round.parts.create(agency=lonely)
    page = superuser_client.get(
        reverse("admin:rounds_updateround_change", args=[update_round.pk]), follow=True
    )
    assert "Nobody can answer for LONE: no member" in page.content.decode()


@pytest.mark.parametrize("persona_client, expected", SECRETARIAT_ONLY, indirect=["persona_client"])
@pytest.mark.parametrize("action", ["accept", "return", "unlock", "lock"])
def test_only_the_secretariat_reviews(persona_client, expected, action, submitted_a, member_b):
    make_member(make_agency("OTHER"))
    before = RoundAgency.objects.get(pk=submitted_a.pk)
    url = reverse(f"rounds:{action}", kwargs={"part_id": submitted_a.pk})
    response = persona_client.post(url, {"reason": "A reason"})
    assert outcome(response) == expected
    after = RoundAgency.objects.get(pk=submitted_a.pk)
    changed = (before.accepted_at, before.returned_at, before.unlocked_at) != (
        after.accepted_at,
        after.returned_at,
        after.unlocked_at,
    )
    # Lock on a part never unlocked changes nothing, whoever asks.
    assert changed == (expected == 200 and action != "lock")
