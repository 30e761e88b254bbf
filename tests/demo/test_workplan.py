"""The 2012 workplan, with its areas, deliverables, responsible people and dated steps."""

import datetime

from workplan.models import Deliverable, Workplan


def test_it_loads_the_2012_workplan_with_areas_1_to_5(demo):
    """The plan's five areas, then the one the 2012 meeting's action points are kept in."""
    workplan = Workplan.objects.get(year=2012)
    assert list(workplan.areas.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]
    assert workplan.areas.get(number=6).title == "Action points of meetings"


def test_it_dates_the_matrix_call_in_two_steps(demo):
    matrix = Deliverable.objects.get(area__number=1, title__startswith="Matrix")
    due = list(matrix.steps.values_list("due_date", flat=True))
    assert due == [datetime.date(2012, 2, 29), datetime.date(2012, 5, 31)]
    assert matrix.steps.filter(completed_on__isnull=False).count() == 1


def test_it_names_the_people_responsible_for_the_post_mdg_note(demo):
    note = Deliverable.objects.get(area__number=2, title__startswith="Note")
    assert set(note.contacts.values_list("name", flat=True)) >= {"Peter Mertens", "Sara Burke"}
    assert note.responsible_agencies.filter(acronym="HelpAge").exists()


def test_it_keeps_the_plans_own_wording_of_loose_dates(demo):
    follow_up = Deliverable.objects.get(area__number=5)
    step = follow_up.steps.get()
    assert (step.due_date, step.due_note) == (datetime.date(2012, 7, 31), "July 2012")


def test_it_loads_the_2012_meeting_with_its_decisions_and_action_points(demo):
    from decisions.models import Meeting

    meeting = Meeting.objects.get(title="SPF Initiative coalition meeting")
    assert meeting.decisions.count() == 4
    assert meeting.decisions.filter(is_public=True).count() == 2
    first = meeting.action_points.order_by("due_date").first()
    assert (first.owner_agency.acronym, first.step.due_date) == ("ILO", datetime.date(2012, 2, 29))
