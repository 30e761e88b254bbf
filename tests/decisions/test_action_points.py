"""An action point is a dated step of the workplan: its owner agency's members and its owner
person are reminded, it is in their "My deadlines", and finishing it (or uploading its output)
completes the step."""

import datetime

import pytest
from django.urls import reverse

from decisions.models import ActionPoint, ActionStatus
from reminders.steps import step_reminders
from workplan.deadlines import steps_of_user
from workplan.models import ReminderPolicy, Step

pytestmark = pytest.mark.django_db


def test_it_becomes_a_dated_step_owned_by_its_agency(coalition, member_a, member_b):
    step = coalition.action_a.step
    assert (step.title, step.due_date) == (
        "Send the matrix to all members",
        datetime.date(2012, 2, 29),
    )
    assert step.deliverable.area.title == "Action points of meetings"
    assert list(step.deliverable.responsible_agencies.all()) == [coalition.action_a.owner_agency]
    assert step in steps_of_user(member_a)
    assert step not in steps_of_user(member_b)


def test_the_reminders_go_to_its_owners_only(coalition, member_a, member_b):
    day = datetime.date(2012, 2, 27)  # two days before the due date
    items = [item for batch in step_reminders(ReminderPolicy.current(), day) for item in batch]
    mine = [item for item in items if item.target == {"step_id": coalition.action_a.step_id}]
    assert {item.recipient for item in mine} == {"ana@a.example.org", member_a.email}
    assert member_b.email not in {item.recipient for item in items}


def test_moving_its_date_moves_the_step(coalition):
    action = coalition.action_a
    action.due_date = datetime.date(2013, 1, 15)
    action.save()
    step = Step.objects.get(pk=action.step_id)
    assert step.due_date == datetime.date(2013, 1, 15)
    assert step.deliverable.area.workplan.year == 2013


def test_done_completes_the_step_and_reopening_opens_it(coalition):
    action = coalition.action_a
    action.status = ActionStatus.DONE
    action.save()
    assert Step.objects.get(pk=action.step_id).completed_on is not None
    action.status = ActionStatus.OPEN
    action.save()
    assert Step.objects.get(pk=action.step_id).completed_on is None


def test_deleting_it_removes_its_step(coalition):
    step_id = coalition.action_b.step_id
    coalition.action_b.delete()
    assert not Step.objects.filter(pk=step_id).exists()


def test_the_owner_agency_updates_it(member_a_client, coalition):
    action = coalition.action_a
    url = reverse("decisions:action_update", args=[action.pk])
    response = member_a_client.post(
        url, {"status": "done", "note": "Sent on 28 Feb", "based_on_version": action.version}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.note) == ("done", "Sent on 28 Feb")
    assert action.step.completed_on is not None


def test_an_update_made_on_an_old_version_is_refused(member_a_client, coalition):
    action = coalition.action_a
    old = action.version
    ActionPoint.objects.get(pk=action.pk).save()  # someone else saved it meanwhile
    url = reverse("decisions:action_update", args=[action.pk])
    response = member_a_client.post(url, {"status": "dropped", "based_on_version": old})
    assert response.status_code == 200
    assert "Someone saved this action point after you opened it" in response.content.decode()
    assert ActionPoint.objects.get(pk=action.pk).status == "open"


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("owner_agency", "An action point needs an owner: the agency that does it."),
        ("due_date", "An action point needs a due date."),
    ],
)
def test_the_admin_refuses_an_action_point_without_owner_or_date(
    client, secretariat, coalition, missing, message
):
    client.force_login(secretariat)
    from decisions.admin import ActionPointForm

    data = {
        "text": "Prepare the ILC side event",
        "owner_agency": coalition.action_a.owner_agency_id,
        "due_date": "2012-06-01",
        "status": "open",
    }
    data[missing] = ""
    form = ActionPointForm(data)
    assert not form.is_valid()
    assert form.errors[missing] == [message]
    before = ActionPoint.objects.count()
    assert ActionPoint.objects.count() == before


def test_an_owner_person_of_another_agency_is_refused(coalition, agency_b):
    from django.core.exceptions import ValidationError

    action = ActionPoint(
        meeting=coalition.meeting,
        text="x",
        owner_agency=agency_b,
        owner_person=coalition.person_a,
        due_date=datetime.date(2012, 6, 1),
    )
    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert "not of the owner agency" in str(error.value.message_dict["owner_person"])
