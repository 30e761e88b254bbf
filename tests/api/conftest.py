"""A small coalition for the API tests, and clients that carry a persona's token."""

import datetime
from types import SimpleNamespace

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from activities.models import ActivityStatus, ActivityType, Role, Tool
from countries.models import Region
from tests.factories import make_activity, make_country, make_focal_point
from workplan.models import Area, Deliverable, Step, Workplan


@pytest.fixture
def coalition(agency_a, agency_b) -> SimpleNamespace:
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


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def api_client() -> APIClient:
    """A program without a token: reads what an anonymous visitor reads."""
    return APIClient()


@pytest.fixture
def viewer_api(viewer) -> APIClient:
    return token_client(viewer)


# Token personas for the permission matrix: "bad_token" is a key that matches nobody.
TOKEN_PERSONAS = ("anonymous", "bad_token", "viewer", "member_a", "secretariat", "superuser")


@pytest.fixture
def persona_api(request) -> APIClient:
    name = request.param
    client = APIClient()
    if name == "bad_token":
        client.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    elif name != "anonymous":
        client = token_client(request.getfixturevalue(name))
    return client
