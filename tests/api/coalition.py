"""A small coalition shared by the API and IATI tests: two countries, agencies A and B, a
focal point, two activities, a workplan deliverable with a dated step, which is also Viet
Nam's joint country workplan (carried out by the costing, with a public output)."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

from activities.models import ActivityStatus, ActivityType, Role, Tool
from agencies.models import Agency
from catalogues.models import (
    Access,
    Audience,
    DataSet,
    GlobalProcess,
    MaterialFormat,
    OutreachMaterial,
)
from countries.models import Region
from decisions.models import CountryDeliverable, CountryStatus, Document, Status, Visibility
from funding.models import Channel, Contribution
from tests.factories import make_activity, make_country, make_focal_point
from workplan.models import Area, Deliverable, Step, Workplan


def add_results(costing, child_law, vn, agency_a) -> dict:
    """An approved value split by sex, a draft, a milestone and a coverage figure."""
    from results.models import (
        ActivityIndicator,
        CountryMilestone,
        CoverageFigure,
        Indicator,
        ReportingPeriod,
        ResultValue,
        ReviewStatus,
        ValuePart,
    )

    period = ReportingPeriod.objects.create(
        label="2013 H1", start=datetime.date(2013, 1, 1), end=datetime.date(2013, 6, 30)
    )
    people = Indicator.objects.get(code="PEOPLE-NEW")
    approved = ResultValue.objects.create(
        activity_indicator=ActivityIndicator.objects.create(activity=costing, indicator=people),
        period=period,
        value=Decimal(12400),
        status=ReviewStatus.APPROVED,
    )
    ValuePart.objects.create(result=approved, dimension="sex", category="f", value=7000)
    draft = ResultValue.objects.create(
        activity_indicator=ActivityIndicator.objects.create(activity=child_law, indicator=people),
        period=period,
        value=Decimal(99),
    )
    milestone = CountryMilestone.objects.create(
        country=vn,
        title="Universal child benefit law adopted",
        achieved_on=datetime.date(2013, 5, 1),
        status=ReviewStatus.APPROVED,
    )
    milestone.activities.add(costing)
    milestone.agencies.add(agency_a)
    figure = CoverageFigure.objects.create(
        country=vn,
        indicator=Indicator.objects.get(code="SDG-1.3.1"),
        value=Decimal("38.5"),
        year=2013,
        status=ReviewStatus.APPROVED,
    )
    figure.agencies.add(agency_a)
    return {
        "period": period,
        "approved_value": approved,
        "draft_value": draft,
        "milestone": milestone,
        "figure": figure,
    }


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
    CountryStatus.objects.create(
        country=vn, status=Status.SELECTED, since=datetime.date(2012, 2, 10)
    )
    CountryDeliverable.objects.create(deliverable=matrix, country=vn).activities.set([costing])
    output = Document.objects.create(
        title="Viet Nam's activity matrix",
        date=datetime.date(2012, 3, 1),
        visibility=Visibility.PUBLIC,
        # A row only: the API lists documents, it never opens their files.
        file="documents/matrix.pdf",
        original_name="matrix.pdf",
        content_type="application/pdf",
        extension=".pdf",
        size=1000,
        deliverable=matrix,
    )
    contribution = Contribution.objects.create(
        partner=agency_b,
        channel=Channel.FLAGSHIP_FUND,
        amount=Decimal("1234567.89"),
        currency="EUR",
        start_year=2021,
        themes=["children"],
    )
    contribution.countries.add(mz)
    data_set = DataSet.objects.create(name="World Social Protection Database", access=Access.API)
    process = GlobalProcess.objects.create(name="Rio+20", starts_on=datetime.date(2012, 6, 20))
    process.agencies.add(agency_a)
    material = OutreachMaterial.objects.create(
        title="SPF leaflet", audience=Audience.CIVIL_SOCIETY, format=MaterialFormat.LEAFLET
    )
    material.countries.add(vn)
    results = add_results(costing, child_law, vn, agency_a)
    return SimpleNamespace(
        **results,
        contribution=contribution,
        data_set=data_set,
        process=process,
        material=material,
        vn=vn,
        mz=mz,
        a=agency_a,
        b=agency_b,
        person=person,
        costing=costing,
        child_law=child_law,
        deliverable=matrix,
        step=step,
        output=output,
    )
