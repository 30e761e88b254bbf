"""Builders of admin rows: `add_rows(model, n)` adds n records of a model, with relations."""

import datetime
import itertools

from django_countries import countries as iso_countries

from activities.models import Role, Tool
from agencies.models import FocalLevel
from countries.models import Country, Region
from tests.factories import make_activity, make_agency, make_country, make_focal_point
from workplan.models import Area, Deliverable, Step, Workplan

_seq = itertools.count(1)


def new_country() -> Country:
    used = set(Country.objects.values_list("code", flat=True))
    code = next(c.code for c in iso_countries if c.code not in used)
    return make_country(code, region=Region.AFRICA)


def new_area() -> Area:
    workplan = Workplan.objects.create(year=2000 + next(_seq), title="Workplan")
    return Area.objects.create(workplan=workplan, number=1, title="Country operations")


def new_deliverable() -> Deliverable:
    deliverable = Deliverable.objects.create(area=new_area(), title=f"Deliverable {next(_seq)}")
    deliverable.responsible_agencies.add(make_agency(), make_agency())
    agency = make_agency()
    deliverable.contacts.add(make_focal_point(agency))
    for day in (1, 2):
        Step.objects.create(
            deliverable=deliverable, title="Step", due_date=datetime.date(2012, 3, day)
        )
    return deliverable


def new_activity():
    lead, partner = make_agency(), make_agency()
    activity = make_activity(
        country=new_country(),
        agencies={lead: Role.LEAD, partner: Role.PARTNER},
        focal_point=make_focal_point(lead, level=FocalLevel.GLOBAL),
    )
    activity.tools_used.add(Tool.objects.create(name=f"Tool {next(_seq)}"))
    return activity


BUILDERS = {
    "countries.country": new_country,
    "agencies.agency": make_agency,
    "agencies.focalpoint": lambda: make_focal_point(make_agency(), country=new_country()),
    "activities.tool": lambda: Tool.objects.create(name=f"Tool {next(_seq)}", owner=make_agency()),
    "activities.activity": new_activity,
    "workplan.workplan": lambda: new_area().workplan,
    "workplan.area": new_area,
    "workplan.deliverable": new_deliverable,
    "workplan.step": lambda: new_deliverable().steps.first(),
}


def add_rows(model: str, count: int):
    """Add `count` records of `model` ("app.model"); return the last one."""
    return [BUILDERS[model]() for _ in range(count)][-1]
