"""A small coalition shared by the API and IATI tests: two countries, agencies A and B, a
focal point, two activities, a workplan deliverable with a dated step."""

import datetime
from types import SimpleNamespace

from activities.models import ActivityStatus, ActivityType, Role, Tool
from agencies.models import Agency
from countries.models import Region
from tests.factories import make_activity, make_country, make_focal_point
from workplan.models import Area, Deliverable, Step, Workplan


def build_coalition(agency_a: Agency, agency_b: Agency) -> SimpleNamespace:
    vn = make_country("VN", region=Region.ASIA_PACIFIC)
    mz = make_country("MZ", region=Region.AFRICA)
    person = make_focal_point(agency_a, vn, name="Nguyen Thi Lan", email="lan@a.example.org")
    costing = make_activity(
        vn,
        {agency_a: Role.LEAD, agency_b: Role.PARTNER},
        title="Costing of the national SPF",
        activity_type=ActivityType.COSTING,
        status=ActivityStatus.ONGOING,
        covers_health=True,
        start_date=datetime.date(2012, 1, 1),
        end_date=datetime.date(2013, 6, 30),
        focal_point=person,
    )
    costing.tools_used.add(Tool.objects.create(name="SPF costing tool", acronym="RAP"))
    child_law = make_activity(
        mz,
        {agency_b: Role.LEAD},
        title="Child benefit law",
        activity_type=ActivityType.LEGAL,
        status=ActivityStatus.PLANNED,
        covers_children=True,
        start_date=datetime.date(2014, 1, 1),
    )
    plan = Workplan.objects.create(year=2012, title="Workplan 2012")
    area = Area.objects.create(workplan=plan, number=1, title="Country operations")
    matrix = Deliverable.objects.create(area=area, title="Country activity matrix")
    matrix.responsible_agencies.add(agency_a)
    matrix.contacts.add(person)
    step = Step.objects.create(
        deliverable=matrix, title="Matrix sent", due_date=datetime.date(2012, 2, 29)
    )
    return SimpleNamespace(
        vn=vn,
        mz=mz,
        a=agency_a,
        b=agency_b,
        person=person,
        costing=costing,
        child_law=child_law,
        deliverable=matrix,
        step=step,
    )
