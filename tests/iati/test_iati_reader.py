"""A real IATI reader (iatikit) reads back what the matrix says: identifiers, titles,
roles, country, status and dates."""

import datetime

import pytest
from django.conf import settings
from iatikit.data.dataset import Dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def activities(iati_file) -> dict:
    dataset = Dataset(str(iati_file))
    return {activity.iati_identifier: activity for activity in dataset.activities}


def identifier(activity) -> str:
    return f"{settings.SPF_IATI_ORG_REF}-{activity.reference}"


def test_it_gives_each_activity_a_stable_identifier(activities, coalition):
    assert set(activities) == {identifier(coalition.costing), identifier(coalition.child_law)}
    assert activities[identifier(coalition.costing)].title == ["Costing of the national SPF"]


def test_it_writes_the_agencies_roles_as_iati_roles(activities, coalition):
    costing = activities[identifier(coalition.costing)].etree
    roles = {
        org.findtext("narrative"): org.get("role") for org in costing.findall("participating-org")
    }
    assert roles == {"Agency A (AGA)": "2", "Agency B (AGB)": "4"}


def test_it_writes_the_country_and_the_status(activities, coalition):
    costing = activities[identifier(coalition.costing)].etree
    assert costing.find("recipient-country").get("code") == "VN"
    assert costing.find("activity-status").get("code") == "2"


def test_it_writes_started_dates_as_actual_and_later_ones_as_planned(activities, coalition):
    costing = activities[identifier(coalition.costing)]
    assert costing.actual_start == datetime.date(2012, 1, 1)
    assert costing.planned_end == datetime.date(2013, 6, 30)


def test_it_writes_a_planned_activitys_start_as_planned(activities, coalition):
    child_law = activities[identifier(coalition.child_law)]
    assert child_law.planned_start == datetime.date(2014, 1, 1)
    assert child_law.actual_start is None


def test_it_writes_the_sdg_target_and_the_guarantees_as_sectors(activities, coalition):
    costing = activities[identifier(coalition.costing)].etree
    sectors = {(s.get("vocabulary"), s.get("code")) for s in costing.findall("sector")}
    assert sectors == {("8", "1.3"), ("99", "health")}


def test_it_publishes_the_activitys_yearly_budgets(iati_file_with_budget, coalition):
    from iatikit.data.dataset import Dataset as Reader

    found = {a.iati_identifier: a for a in Reader(str(iati_file_with_budget)).activities}
    budget = found[identifier(coalition.costing)].etree.find("budget")
    assert budget.find("value").text == "50000.00"
    assert (budget.find("value").get("currency"), budget.find("period-end").get("iso-date")) == (
        "CHF",
        "2012-12-31",
    )
