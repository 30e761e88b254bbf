"""What changed between two rounds (or two dates), and a round's report."""

import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from python_calamine import CalamineWorkbook

from activities.models import Activity, ActivityStatus, Role
from activities.services import close_activity, update_activity
from rounds.services import close_round, open_round, submit_part
from tests.factories import make_activity, make_country
from tests.outcomes import MEMBERS_AND_SECRETARIAT, SECRETARIAT_ONLY, outcome

pytestmark = pytest.mark.postgres

JAN = datetime.datetime(2026, 1, 10, 12, tzinfo=datetime.UTC)
FEB = datetime.datetime(2026, 2, 10, 12, tzinfo=datetime.UTC)
MARCH = datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC)


@pytest.fixture
def two_rounds(secretariat, member_a, agency_a, agency_b):
    """Round 1 closes in January; in February member A renames a row, closes one, adds
    one, and the secretariat deletes one; round 2 closes in March."""
    senegal = make_country("SN")
    with time_machine.travel(JAN, tick=False):
        renamed = make_activity(senegal, {agency_a: Role.LEAD}, title="Costing")
        closed = make_activity(senegal, {agency_a: Role.LEAD}, title="Pilot")
        deleted = make_activity(senegal, {agency_b: Role.LEAD}, title="Study")
        untouched = make_activity(senegal, {agency_b: Role.LEAD}, title="Untouched")
        first = open_round(
            secretariat, title="Round 1", deadline=JAN.date(), agencies=[agency_a, agency_b]
        )
        close_round(first)
    with time_machine.travel(FEB, tick=False):
        second = open_round(
            secretariat,
            title="Round 2",
            deadline=FEB.date(),
            agencies=[agency_a, agency_b],
        )
        renamed.title = "Costing, phase 2"
        update_activity(member_a, renamed, renamed.version)
        close_activity(member_a, closed, closed.version, FEB.date())
        Activity.objects.filter(pk=deleted.pk).delete()
        make_activity(senegal, {agency_a: Role.PARTNER}, title="New advocacy")
    with time_machine.travel(FEB + datetime.timedelta(days=3), tick=False):
        submit_part(member_a, second.parts.get(agency=agency_a))  # late: deadline FEB
    with time_machine.travel(MARCH, tick=False):
        close_round(second)
    return first, second, untouched


def test_the_diff_lists_exactly_the_changes_with_who_and_values(secretariat_client, two_rounds):
    _first, second, _untouched = two_rounds
    page = secretariat_client.get(reverse("rounds:diff", kwargs={"round_id": second.pk}))
    changes = page.context["changes"]
    found = {(row.title, row.kind) for row in changes.rows}
    assert found == {
        ("Costing, phase 2", "changed"),
        ("Pilot", "closed"),
        ("Study", "deleted"),
        ("New advocacy", "new"),
    }
    renamed = next(row for row in changes.rows if row.kind == "changed")
    assert [(c.label, c.old, c.new, c.who) for c in renamed.fields] == [
        ("title", "Costing", "Costing, phase 2", "member_a")
    ]
    by_agency = dict(changes.by_agency())
    assert {row.title for row in by_agency["AGA"]} == {"Costing, phase 2", "Pilot", "New advocacy"}


def test_the_diff_downloads_one_line_per_field(secretariat_client, two_rounds):
    _first, second, _untouched = two_rounds
    response = secretariat_client.get(
        reverse("rounds:diff", kwargs={"round_id": second.pk}), {"format": "csv"}
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Costing,Costing, phase 2" in text.replace('"', "")
    assert "Untouched" not in text


def test_the_same_round_twice_is_refused_clearly(secretariat_client, two_rounds):
    _first, second, _untouched = two_rounds
    page = secretariat_client.get(
        reverse("rounds:diff", kwargs={"round_id": second.pk}), {"against": second.pk}
    )
    assert page.status_code == 400
    assert "compared with itself" in page.content.decode()


def test_the_report_page_and_workbook(secretariat_client, two_rounds):
    _first, second, _untouched = two_rounds
    url = reverse("rounds:report", kwargs={"round_id": second.pk})
    text = secretariat_client.get(url).content.decode()
    assert "Completion per agency" in text and "Late submissions" in text
    assert "AGA:" in text  # AGA submitted late
    workbook = CalamineWorkbook.from_filelike(
        io.BytesIO(secretariat_client.get(url, {"format": "xlsx"}).content)
    )
    assert workbook.sheet_names == ["Completion", "Changes", "Late submissions"]
    late = workbook.get_sheet_by_name("Late submissions").to_python()
    assert [row[0] for row in late[1:]] == ["AGA"]


def test_the_changes_between_two_dates(member_a_client, two_rounds):
    page = member_a_client.get(
        reverse("activities:changes"), {"since": "2026-01-31", "until": "2026-02-28"}
    )
    assert {row.title for row in page.context["changes"].rows} == {
        "Costing, phase 2",
        "Pilot",
        "Study",
        "New advocacy",
    }
    assert page.context["changes"].rows[0].fields is not None


def test_the_same_date_twice_is_refused(member_a_client, two_rounds):
    page = member_a_client.get(
        reverse("activities:changes"), {"since": "2026-02-01", "until": "2026-02-01"}
    )
    assert page.status_code == 400
    assert "nothing changes between a date and itself" in page.content.decode()


@pytest.mark.parametrize("persona_client, expected", SECRETARIAT_ONLY, indirect=["persona_client"])
@pytest.mark.parametrize("name", ["report", "diff"])
def test_only_the_secretariat_reads_a_rounds_report(persona_client, expected, name, two_rounds):
    url = reverse(f"rounds:{name}", kwargs={"round_id": two_rounds[1].pk})
    assert outcome(persona_client.get(url)) == expected


@pytest.mark.parametrize(
    "persona_client, expected", MEMBERS_AND_SECRETARIAT, indirect=["persona_client"]
)
def test_members_and_the_secretariat_compare_dates(persona_client, expected, two_rounds):
    url = reverse("activities:changes")
    assert outcome(persona_client.get(url, {"since": "2026-01-31"})) == expected


def test_closing_marks_the_row_completed_in_the_diff(two_rounds):
    assert Activity.objects.get(title="Pilot").status == ActivityStatus.COMPLETED
