"""A small coalition with a row in every table the pages read, and the people who probe it."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from activities.models import Activity, Role, Tool
from agencies.models import Agency, FocalPoint
from countries.models import CountryAssessment, Rating, Region, SelectionCriterion
from imports.models import ImportJob
from reminders.models import ReminderLog, ReminderStatus
from rounds.models import Outcome, RoundAgency, RowConfirmation
from rounds.services import open_round
from tests.factories import (
    make_activity,
    make_agency,
    make_country,
    make_focal_point,
    make_member,
    make_secretariat,
)
from workplan.models import Area, Deliverable, Step, Workplan


@dataclass
class Coalition:
    """The records whose ids the URL patterns take, and the people of the test."""

    member: User
    secretariat: User
    superuser: User
    agency: Agency
    activity: Activity
    focal_point: FocalPoint
    part: RoundAgency
    job: ImportJob
    year: int


@pytest.fixture
def coalition(db) -> Coalition:
    """Two agencies, one lead and one partner on an activity, a deliverable with a step, a
    round with a confirmed row, an import, a reminder, an assessment: a row in every table,
    kept small so that each of the fuzz test's thousands of requests stays quick."""
    lead, partner = make_agency("LEADA"), make_agency("PARTB")
    country = make_country("VN")
    make_country("BJ", region=Region.AFRICA)
    focal_point = make_focal_point(lead, country)
    activity = make_activity(
        country, agencies={lead: Role.LEAD, partner: Role.PARTNER}, focal_point=focal_point
    )
    activity.tools_used.add(Tool.objects.create(name="Costing tool", owner=lead))
    member = make_member(lead, username="fuzz_member")
    secretariat = make_secretariat(username="fuzz_secretariat")
    superuser = User.objects.create_superuser("fuzz_root", "root@example.org", "x-password-123")
    plan = Workplan.objects.create(year=2030, title="Workplan 2030")
    area = Area.objects.create(workplan=plan, number=1, title="Country operations")
    deliverable = Deliverable.objects.create(area=area, title="Joint missions")
    deliverable.responsible_agencies.add(lead)
    deliverable.contacts.add(focal_point)
    step = Step.objects.create(deliverable=deliverable, title="Draft", due_date=date(2030, 3, 1))
    update_round = open_round(
        secretariat,
        title="Mid-year update",
        deadline=timezone.localdate() + timedelta(days=10),
        agencies=[lead, partner],
    )
    part = RoundAgency.objects.get(round=update_round, agency=lead)
    RowConfirmation.objects.create(
        round=update_round, agency=lead, activity=activity, outcome=Outcome.CONFIRMED
    )
    job = ImportJob.objects.create(user=member, file_name="matrix.csv", file_data=b"a,b\n")
    ReminderLog.objects.create(
        recipient=member.email,
        kind="due",
        due_date=step.due_date,
        what=step.title,
        step=step,
        claimed_at=timezone.now(),
        status=ReminderStatus.FAILED,
    )
    criterion = SelectionCriterion.objects.create(number=1, title="A country request exists")
    CountryAssessment.objects.create(
        country=country, criterion=criterion, rating=Rating.MET, assessed_on=date(2012, 5, 31)
    )
    return Coalition(
        member=member,
        secretariat=secretariat,
        superuser=superuser,
        agency=lead,
        activity=activity,
        focal_point=focal_point,
        part=part,
        job=job,
        year=plan.year,
    )
