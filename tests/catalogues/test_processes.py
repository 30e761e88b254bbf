"""A global process's input deadline becomes a dated step of a workplan deliverable (and so
gets the workplan's usual reminders)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from catalogues.services import sync_input_step
from workplan.models import Step

pytestmark = pytest.mark.django_db


def test_it_makes_the_deadline_a_step_of_the_deliverable(shelf):
    shelf.rio.input_deadline = datetime.date(2012, 5, 1)
    shelf.rio.deliverable = shelf.deliverable
    step = sync_input_step(shelf.rio)
    assert (step.deliverable, step.due_date) == (shelf.deliverable, datetime.date(2012, 5, 1))
    assert step.title == "Coalition input to Rio+20"


def test_it_moves_the_step_with_the_deadline(shelf):
    shelf.rio.input_deadline = datetime.date(2012, 5, 1)
    shelf.rio.deliverable = shelf.deliverable
    first = sync_input_step(shelf.rio)
    shelf.rio.input_deadline = datetime.date(2012, 5, 15)
    second = sync_input_step(shelf.rio)
    assert second.pk == first.pk
    assert Step.objects.get(pk=first.pk).due_date == datetime.date(2012, 5, 15)


def test_it_removes_the_step_when_the_deadline_goes(shelf):
    shelf.rio.input_deadline = datetime.date(2012, 5, 1)
    shelf.rio.deliverable = shelf.deliverable
    step = sync_input_step(shelf.rio)
    shelf.rio.input_deadline = None
    assert sync_input_step(shelf.rio) is None
    assert not Step.objects.filter(pk=step.pk).exists()


def test_it_leaves_a_completed_step_alone(shelf):
    shelf.rio.input_deadline = datetime.date(2012, 5, 1)
    shelf.rio.deliverable = shelf.deliverable
    step = sync_input_step(shelf.rio)
    Step.objects.filter(pk=step.pk).update(completed_on=datetime.date(2012, 4, 30))
    shelf.rio.refresh_from_db()
    shelf.rio.input_deadline = datetime.date(2012, 6, 1)
    sync_input_step(shelf.rio)
    assert Step.objects.get(pk=step.pk).due_date == datetime.date(2012, 5, 1)


def test_it_asks_for_the_deliverable_of_a_deadline(shelf):
    shelf.g20.input_deadline = datetime.date(2013, 5, 1)
    with pytest.raises(ValidationError) as error:
        shelf.g20.full_clean()
    assert "deliverable" in error.value.message_dict


def test_it_makes_the_step_when_the_secretariat_saves_in_the_admin(secretariat_client, shelf):
    url = reverse("admin:catalogues_globalprocess_change", args=[shelf.g20.pk])
    data = {
        "name": "G20 Los Cabos",
        "starts_on": "2013-06-18",
        "input_deadline": "2013-05-01",
        "deliverable": shelf.deliverable.pk,
    }
    response = secretariat_client.post(url, data)
    assert response.status_code == 302
    assert Step.objects.get(deliverable=shelf.deliverable).due_date == datetime.date(2013, 5, 1)


def test_it_filters_processes_by_year_and_agency(client, shelf):
    url = reverse("catalogues:processes")
    assert [p.name for p in client.get(f"{url}?year=2013").context["rows"]] == ["G20 Los Cabos"]
    assert [p.name for p in client.get(f"{url}?agency=ILO").context["rows"]] == ["Rio+20"]
