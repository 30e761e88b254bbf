"""`manage.py load_demo` runs on every `make run`: it must load once and then change nothing."""

import io

import pytest
from django.core.management import call_command

from activities.models import Activity
from agencies.models import FocalPoint
from devtools.demo.loader import COUNTED, load_demo
from devtools.demo.matrix import ACTIVITIES
from devtools.demo.people import FOCAL_POINTS

pytestmark = pytest.mark.django_db


def table_counts() -> dict[str, int]:
    return {label: model.objects.count() for label, model in COUNTED.items()}


def test_it_loads_the_demo_data():
    report = load_demo()
    assert Activity.objects.filter(reference__startswith="SPF-DEMO").count() == len(ACTIVITIES)
    assert report.created["focal points"] == len(FOCAL_POINTS)


def test_it_creates_nothing_on_a_second_run():
    load_demo()
    before = table_counts()
    second = load_demo()
    assert second.created_total == 0
    assert table_counts() == before


def test_it_keeps_what_a_user_changed_in_a_demo_row():
    load_demo()
    person = FocalPoint.objects.get(name="Peter Mertens")
    person.email = "peter.mertens@who.example.org"
    person.save()
    load_demo()
    assert FocalPoint.objects.filter(name="Peter Mertens").count() == 1
    assert FocalPoint.objects.get(name="Peter Mertens").email == "peter.mertens@who.example.org"


def test_it_prints_a_one_line_summary_and_the_admin_line(settings):
    settings.DEBUG = True  # a dev run (`make run`); the tests run with DEBUG off
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    summary, admin_line = out.getvalue().splitlines()
    assert summary.startswith("Demo data: countries ")
    assert "admin" in admin_line


def test_it_loads_illustrative_approved_results_of_the_2012_task_forces():
    from results.models import ResultValue

    report = load_demo()
    assert report.created["result values"] > 0
    values = ResultValue.objects.select_related("activity_indicator__indicator", "period")
    assert {(v.period.label, v.activity_indicator.indicator.code) for v in values} == {
        ("2012", "DIALOGUE")
    }
    assert ResultValue.objects.public().count() == report.created["result values"]
