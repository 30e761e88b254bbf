"""A small coalition for the overview tests (front page, map, dashboard, brief), seen on a
fixed day: 10 March 2025."""

import datetime
import itertools
from types import SimpleNamespace

import pytest
import time_machine

from activities.models import ActivityStatus, ActivityType, Role
from agencies.models import Agency
from countries.models import Region
from tests.factories import make_activity, make_agency, make_country, make_focal_point
from workplan.models import Area, Deliverable, Step, Workplan

TODAY = datetime.date(2025, 3, 10)
_seq = itertools.count(1)


@pytest.fixture
def today():
    """Every test here runs on TODAY (noon UTC), the clock stopped."""
    moment = datetime.datetime.combine(TODAY, datetime.time(12), tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        yield TODAY


def make_deliverable(
    *steps: tuple[datetime.date, datetime.date | None],
    agencies: tuple[Agency, ...] = (),
    area_number: int = 1,
    year: int = 2025,
    **fields,
) -> Deliverable:
    """A deliverable of the `year` plan with a step per (due date, completed on) pair."""
    plan, _ = Workplan.objects.get_or_create(year=year, defaults={"title": f"Workplan {year}"})
    area, _ = Area.objects.get_or_create(
        workplan=plan, number=area_number, defaults={"title": f"Area {area_number}"}
    )
    fields.setdefault("title", f"Deliverable {next(_seq)}")
    deliverable = Deliverable.objects.create(area=area, **fields)
    deliverable.responsible_agencies.set(agencies)
    for n, (due, done) in enumerate(steps, start=1):
        Step.objects.create(
            deliverable=deliverable, title=f"Step {n}", due_date=due, completed_on=done
        )
    return deliverable


@pytest.fixture
def coalition(db, today) -> SimpleNamespace:
    """Viet Nam (2 activities, ILO leads both), Mozambique (1, UNICEF leads), Peru (1
    finished in 2011, WHO leads), Tuvalu (1, too small for the map), and Togo with none."""
    vn = make_country("VN", region=Region.ASIA_PACIFIC)
    mz = make_country("MZ", region=Region.AFRICA)
    pe = make_country("PE", region=Region.AMERICAS)
    tv = make_country("TV", region=Region.ASIA_PACIFIC)
    tg = make_country("TG", region=Region.AFRICA)
    ilo = make_agency("ILO", name="International Labour Organization")
    unicef = make_agency("UNICEF", name="United Nations Children's Fund")
    who = make_agency("WHO", name="World Health Organization")
    make_agency("IDLE", name="An agency in no activity")
    person = make_focal_point(ilo, vn, name="Nguyen Thi Lan", email="lan@ilo.example.org")
    costing = make_activity(
        vn,
        {ilo: Role.LEAD, unicef: Role.PARTNER},
        title="Costing of the national SPF",
        activity_type=ActivityType.COSTING,
        status=ActivityStatus.ONGOING,
        covers_health=True,
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2026, 6, 30),
        focal_point=person,
    )
    task_force = make_activity(
        vn,
        {ilo: Role.LEAD},
        title="SPF task force",
        activity_type=ActivityType.COORDINATION,
        status=ActivityStatus.ONGOING,
        start_date=datetime.date(2025, 2, 1),
    )
    child_law = make_activity(
        mz,
        {unicef: Role.LEAD, ilo: Role.PARTNER},
        title="Child benefit law",
        activity_type=ActivityType.LEGAL,
        status=ActivityStatus.PLANNED,
        covers_children=True,
        start_date=datetime.date(2025, 9, 1),
    )
    pensions = make_activity(
        pe,
        {who: Role.LEAD},
        title="Pension study",
        activity_type=ActivityType.STUDY,
        status=ActivityStatus.COMPLETED,
        covers_older_persons=True,
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2011, 12, 31),
    )
    atoll = make_activity(
        tv,
        {unicef: Role.PARTNER},
        title="Atoll pensions",
        activity_type=ActivityType.STUDY,
        start_date=datetime.date(2025, 1, 1),
    )
    return SimpleNamespace(
        vn=vn,
        mz=mz,
        pe=pe,
        tv=tv,
        tg=tg,
        ilo=ilo,
        unicef=unicef,
        who=who,
        person=person,
        costing=costing,
        task_force=task_force,
        child_law=child_law,
        pensions=pensions,
        atoll=atoll,
    )
