import datetime

import pytest
import tablib

from agencies.models import Agency, FocalPoint
from agencies.resources import AgencyResource, FocalPointResource
from countries.models import Country
from countries.resources import CountryResource
from tests.factories import make_agency, make_country, make_focal_point
from workplan.models import Area, Deliverable, Step, Workplan
from workplan.resources import DeliverableResource

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def table(resource, queryset) -> list[list]:
    return list(resource.iter_table(queryset))


def test_it_updates_an_agency_named_in_another_case():
    make_agency("UNDP", name="Old name")
    dataset = tablib.Dataset(["undp", "UN Development Programme", "UN agency", "yes"])
    dataset.headers = ["Acronym", "Full name", "Kind", "Coalition member"]
    result = AgencyResource().import_data(dataset, dry_run=False)
    assert not result.has_validation_errors()
    assert list(Agency.objects.values_list("acronym", "name")) == [
        ("UNDP", "UN Development Programme")
    ]


def test_it_exports_countries_by_alpha3_code():
    viet_nam = make_country("VN", name_variants="Vietnam\nViet-Nam")
    _header, row = table(CountryResource(), Country.objects.all())
    assert row[:2] == ["VNM", viet_nam.name]
    assert row[3] == "Vietnam; Viet-Nam"


def test_it_hides_focal_point_contacts_unless_allowed():
    make_focal_point(make_agency("ILO"), make_country("VN"), name="Ana", email="ana@example.org")
    hidden = table(FocalPointResource(), FocalPoint.objects.all())
    shown = table(FocalPointResource(include_contacts=True), FocalPoint.objects.all())
    assert "ana@example.org" not in hidden[1] and hidden[1][:2] == ["Ana", "ILO"]
    assert "ana@example.org" in shown[1]


def test_it_exports_a_deliverable_with_its_next_due_step():
    area = Area.objects.create(
        workplan=Workplan.objects.create(year=2012, title="Workplan 2012"), number=1, title="Ops"
    )
    deliverable = Deliverable.objects.create(area=area, title="Country matrix")
    deliverable.responsible_agencies.add(make_agency("ILO"), make_agency("UNICEF"))
    sent, done = datetime.date(2012, 2, 29), datetime.date(2012, 2, 28)
    Step.objects.create(deliverable=deliverable, title="Send", due_date=sent, completed_on=done)
    Step.objects.create(deliverable=deliverable, title="All", due_date=datetime.date(2012, 5, 31))
    row = dict(zip(*table(DeliverableResource(), Deliverable.objects.all()), strict=True))
    assert (row["Workplan year"], row["Area number"]) == (2012, 1)
    assert (row["Responsible agencies"], row["Next due"]) == (
        "ILO; UNICEF",
        datetime.date(2012, 5, 31),
    )
