import datetime
from types import SimpleNamespace

import pytest

from activities.models import Role, Tool, ToolPurpose
from catalogues.models import (
    Access,
    Audience,
    DataSet,
    GlobalProcess,
    MaterialFormat,
    OutreachMaterial,
)
from countries.models import Region
from tests.factories import make_activity, make_agency, make_country
from workplan.models import Area, Deliverable, Workplan


@pytest.fixture
def shelf(db) -> SimpleNamespace:
    ilo = make_agency("ILO", name="International Labour Organization")
    wb = make_agency("WB", name="World Bank")
    vn = make_country("VN", region=Region.ASIA_PACIFIC)
    mz = make_country("MZ", region=Region.AFRICA)
    make_country("PE", region=Region.AMERICAS)
    rap = Tool.objects.create(
        name="Rapid Assessment Protocol",
        acronym="RAP",
        owner=ilo,
        purpose=ToolPurpose.COSTING,
        languages=["en", "fr", "es"],
    )
    codi = Tool.objects.create(
        name="Core Diagnostic Instrument",
        acronym="CODI",
        owner=wb,
        purpose=ToolPurpose.ASSESSMENT,
        languages=["en"],
    )
    for country in (vn, mz, vn):
        make_activity(country, {ilo: Role.LEAD}).tools_used.add(rap)
    wspdb = DataSet.objects.create(
        name="World Social Protection Database",
        owner=ilo,
        access=Access.DOWNLOAD,
        languages=["en"],
    )
    aspire = DataSet.objects.create(name="ASPIRE", owner=wb, access=Access.API)
    plan = Workplan.objects.create(year=2012, title="Workplan 2012")
    area = Area.objects.create(workplan=plan, number=2, title="Response to global requests")
    deliverable = Deliverable.objects.create(area=area, title="Input to global processes")
    rio = GlobalProcess.objects.create(
        name="Rio+20", place="Rio de Janeiro", starts_on=datetime.date(2012, 6, 20)
    )
    rio.agencies.add(ilo)
    g20 = GlobalProcess.objects.create(name="G20 Los Cabos", starts_on=datetime.date(2013, 6, 18))
    leaflet = OutreachMaterial.objects.create(
        title="What is a social protection floor?",
        audience=Audience.CIVIL_SOCIETY,
        format=MaterialFormat.LEAFLET,
        languages=["fr", "pt"],
        owner=ilo,
    )
    leaflet.countries.add(mz)
    video = OutreachMaterial.objects.create(
        title="SPF explained",
        audience=Audience.PUBLIC,
        format=MaterialFormat.VIDEO,
        languages=["en"],
    )
    return SimpleNamespace(**locals())
