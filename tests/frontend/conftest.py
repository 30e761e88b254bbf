"""A small world for the front-end tests: three countries in three regions, three agencies."""

import datetime
from types import SimpleNamespace

import pytest

from activities.models import ActivityStatus, ActivityType, Role, Tool
from countries.models import Region
from tests.factories import make_activity, make_agency, make_country, make_focal_point


@pytest.fixture
def world(db) -> SimpleNamespace:
    vn = make_country("VN", region=Region.ASIA_PACIFIC)
    mz = make_country("MZ", region=Region.AFRICA)
    pe = make_country("PE", region=Region.AMERICAS)
    ilo = make_agency("ILO", name="International Labour Organization")
    unicef = make_agency("UNICEF", name="United Nations Children's Fund")
    who = make_agency("WHO", name="World Health Organization")
    person = make_focal_point(ilo, vn, name="Nguyen Thi Lan", email="lan@ilo.example.org")
    costing = make_activity(
        vn,
        {ilo: Role.LEAD, unicef: Role.PARTNER},
        title="Costing of the national SPF",
        activity_type=ActivityType.COSTING,
        status=ActivityStatus.ONGOING,
        covers_health=True,
        start_date=datetime.date(2012, 1, 1),
        end_date=datetime.date(2013, 6, 30),
        focal_point=person,
    )
    costing.tools_needed.add(Tool.objects.create(name="SPF costing tool", acronym="RAP"))
    child_law = make_activity(
        mz,
        {unicef: Role.LEAD, ilo: Role.PARTNER},
        title="Child benefit law",
        activity_type=ActivityType.LEGAL,
        status=ActivityStatus.PLANNED,
        covers_children=True,
        start_date=datetime.date(2014, 1, 1),
    )
    pensions = make_activity(
        pe,
        {who: Role.LEAD},
        title="Pension study",
        description="Old-age pensions and health insurance",
        activity_type=ActivityType.STUDY,
        status=ActivityStatus.COMPLETED,
        covers_older_persons=True,
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2011, 12, 31),
    )
    return SimpleNamespace(
        vn=vn,
        mz=mz,
        pe=pe,
        ilo=ilo,
        unicef=unicef,
        who=who,
        person=person,
        costing=costing,
        child_law=child_law,
        pensions=pensions,
    )


def shown(response) -> set[str]:
    """References of the activities listed on a matrix page."""
    return {activity.reference for activity in response.context["page"].object_list}
