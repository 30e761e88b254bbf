import pytest
from django.urls import reverse

from rounds.models import Outcome, RoundAgency, RowConfirmation, UpdateRound

pytestmark = pytest.mark.postgres


@pytest.fixture
def part(agency_a):
    update_round = UpdateRound.objects.create(title="Call 2025", deadline="2030-05-31")
    return RoundAgency.objects.create(round=update_round, agency=agency_a)


def _answer(part, activity) -> str:
    return RowConfirmation.objects.get(round=part.round, activity=activity).outcome


def test_it_answers_edited_after_a_quick_edit(member_a_client, activity_a, part):
    url = reverse("activities:quick_edit", kwargs={"pk": activity_a.pk})
    data = {"status": "suspended", "start_date": "", "end_date": "", "version": 1}
    response = member_a_client.post(url, {**data, "agency": "AGA"}, HTTP_HX_REQUEST="true")
    assert _answer(part, activity_a) == Outcome.EDITED
    assert "Edited" in response.content.decode()


def test_it_answers_closed_after_closing(member_a_client, activity_a, part):
    url = reverse("activities:activity_close", kwargs={"pk": activity_a.pk})
    member_a_client.post(url, {"version": 1, "end_date": "2025-01-31"})
    assert _answer(part, activity_a) == Outcome.CLOSED


def test_it_does_not_answer_for_the_agency_when_the_secretariat_edits(
    secretariat_client, activity_a, part
):
    url = reverse("activities:quick_edit", kwargs={"pk": activity_a.pk})
    data = {"status": "suspended", "start_date": "", "end_date": "", "version": 1}
    secretariat_client.post(url, data, HTTP_HX_REQUEST="true")
    assert not RowConfirmation.objects.exists()


def test_it_undoes_the_save_when_the_round_answer_fails(member_a, activity_a, part):
    """The answer is written in the save's transaction: one without the other never stays."""
    from activities.models import Activity
    from activities.services import update_activity
    from activities.signals import activity_edited

    def fail(sender, **kwargs) -> None:
        raise RuntimeError("the answer could not be written")

    activity_edited.connect(fail, dispatch_uid="test.fail")
    try:
        activity_a.status = "suspended"
        with pytest.raises(RuntimeError):
            update_activity(member_a, activity_a, 1)
    finally:
        activity_edited.disconnect(dispatch_uid="test.fail")
    assert Activity.objects.get(pk=activity_a.pk).status != "suspended"
    assert not RowConfirmation.objects.exists()
