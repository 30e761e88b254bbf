"""The demo rows of the country activity matrix."""

from django.db.models import Count, Q

from activities.models import Activity, ActivityType, Role, Scope
from devtools.demo.matrix import ACTIVITIES


def demo_rows():
    return Activity.objects.filter(reference__startswith="SPF-DEMO").annotate(
        agency_count=Count("participations"),
        lead_count=Count("participations", filter=Q(participations__role=Role.LEAD)),
    )


def test_it_gives_each_demo_activity_an_agency_and_at_most_one_lead(demo):
    rows = list(demo_rows())
    assert len(rows) == len(ACTIVITIES)
    assert all(row.agency_count >= 1 and row.lead_count <= 1 for row in rows)


def test_it_loads_the_opt_social_protection_law(demo):
    law = Activity.objects.get(reference__startswith="SPF-DEMO", country__code="PS")
    assert law.activity_type == ActivityType.LEGAL
    assert law.focal_point.name == "Ibrahim El-Shaer"


def test_it_lists_the_joint_task_forces_of_2011(demo):
    task_forces = Activity.objects.filter(
        activity_type=ActivityType.COORDINATION, scope=Scope.COUNTRY
    )
    codes = {row.country.code.code for row in task_forces}
    assert {"HT", "BJ", "BF", "MZ", "TH", "ID", "RW", "TG", "VN"} <= codes
    assert all(row.start_date.year == 2011 for row in task_forces)


def test_it_links_tools_to_the_rows_that_use_them(demo):
    zambia = Activity.objects.get(reference__startswith="SPF-DEMO", country__code="ZM")
    assert zambia.tools_used.filter(acronym="RAP").exists()
    assert zambia.tools_used.get(acronym="RAP").owner.acronym == "ILO"


def test_it_loads_work_beyond_one_country_with_places_and_themes(demo):
    event = Activity.objects.get(reference="SPF-DEMO28")
    assert (event.scope, event.region, event.country) == (Scope.REGIONAL, "africa", None)
    assert {str(c.code) for c in event.countries.all()} == {"BJ", "BF", "TG", "SN"}
    exchange = Activity.objects.get(reference="SPF-DEMO29")
    assert exchange.scope == Scope.MULTI_COUNTRY and str(exchange.country.code) == "MZ"
    assert {str(c.code) for c in exchange.countries.all()} == {"MZ", "CV"}
    assert {s.code for s in exchange.subdivisions.all()} == {"MZ-G", "MZ-MPM"}
    assert (
        Activity.objects.filter(reference__startswith="SPF-DEMO", scope=Scope.GLOBAL).count() == 2
    )
    assert Activity.objects.filter(reference__startswith="SPF-DEMO", themes__isnull=False).exists()
    # Every demo activity covers its countries as the rules say: a one-country row its own.
    for row in Activity.objects.filter(reference__startswith="SPF-DEMO", scope=Scope.COUNTRY):
        assert [c.pk for c in row.countries.all()] == [row.country_id]
