"""The workplan exporter: one row per dated step, dates as dates, contacts only when allowed."""

import datetime

import pytest

from core.spreadsheets.responses import table_response
from tests.exports.matrix import read_csv, read_ods, read_xlsx
from tests.factories import make_agency, make_focal_point
from workplan.exports import WorkplanTable
from workplan.models import Area, Deliverable, Step, Workplan

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

TODAY = datetime.date(2012, 4, 1)


@pytest.fixture
def deliverables(db):
    plan = Workplan.objects.create(year=2012, title="SPF workplan 2012")
    area = Area.objects.create(workplan=plan, number=1, title="Country operations")
    matrix = Deliverable.objects.create(area=area, title="Country activity matrix")
    matrix.responsible_agencies.add(make_agency("ILO"))
    matrix.contacts.add(make_focal_point(make_agency("WHO"), name="Ana", email="ana@who.int"))
    Step.objects.create(
        deliverable=matrix, title="Matrix sent", due_date=datetime.date(2012, 2, 29)
    )
    Step.objects.create(
        deliverable=matrix,
        title="Completed by all",
        due_date=datetime.date(2012, 5, 31),
        completed_on=datetime.date(2012, 5, 30),
    )
    Deliverable.objects.create(area=area, title="No step yet")
    return Deliverable.objects.order_by("pk")


def rows(deliverables, fmt: str, include_contacts: bool = False) -> list[dict]:
    table = WorkplanTable(deliverables, include_contacts=include_contacts, today=TODAY)
    response = table_response(table, fmt, filename="workplan")
    return {"csv": read_csv, "xlsx": read_xlsx, "ods": read_ods}[fmt](response)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_it_has_one_row_per_step_and_per_deliverable_without_steps(deliverables, fmt):
    found = [(row["Deliverable"], row["Step"] or "") for row in rows(deliverables, fmt)]
    assert found == [
        ("Country activity matrix", "Matrix sent"),
        ("Country activity matrix", "Completed by all"),
        ("No step yet", ""),
    ]


def test_it_writes_due_dates_as_dates_and_marks_overdue_steps(deliverables):
    first, second, _none = rows(deliverables, "ods")
    assert first["Due date"] == datetime.date(2012, 2, 29)
    assert (first["Overdue"], second["Overdue"]) == ("yes", "no")


def test_it_gives_emails_only_when_contacts_are_allowed(deliverables):
    hidden, shown = rows(deliverables, "xlsx")[0], rows(deliverables, "xlsx", True)[0]
    assert hidden["Responsible people"] == "Ana" and "Responsible people's emails" not in hidden
    assert shown["Responsible people's emails"] == "ana@who.int"
