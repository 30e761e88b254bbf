"""The secretariat's page of every open or late deadline, by agency and by deliverable, with
who was reminded when; the secretariat's "My deadlines" does not call a late coalition done."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reminders.models import ReminderLog, ReminderStatus
from tests.factories import make_agency
from tests.week.conftest import open_test_round
from tests.workplan.conftest import make_deliverable

pytestmark = pytest.mark.django_db

URL = "/workplan/deadlines/"


@pytest.fixture
def late_step(agency_a):
    past = timezone.localdate() - datetime.timedelta(days=20)
    deliverable = make_deliverable(past, agencies=(agency_a,), title="Matrix completed")
    step = deliverable.steps.get()
    ReminderLog.objects.create(
        recipient="ana@agency-a.example.org",
        kind="overdue-1",
        due_date=past,
        step=step,
        what=step.title,
        claimed_at=timezone.now(),
        sent_at=timezone.now(),
        status=ReminderStatus.SENT,
    )
    return step


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("viewer", 403),
        ("member_a", 403),
        ("secretariat", 200),
        ("superuser", 200),
    ],
)
def test_it_is_the_secretariat_s_page(client, request, persona, status):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == status


def test_it_groups_the_late_step_under_its_agency(secretariat_client, late_step):
    (group,) = secretariat_client.get(URL).context["groups"]
    assert group.title.startswith("AGA")
    assert [item.title for item in group.items] == [late_step.title]


def test_it_says_who_was_reminded(secretariat_client, late_step):
    content = secretariat_client.get(URL).content.decode()
    assert "ana@agency-a.example.org" in content
    assert "overdue (reminder 1)" in content


def test_it_groups_by_deliverable_on_request(secretariat_client, late_step):
    groups = secretariat_client.get(URL, {"by": "deliverable"}).context["groups"]
    assert [group.title for group in groups] == ["Matrix completed"]


def test_it_lists_round_parts_not_submitted(secretariat_client, secretariat, agency_a, agency_b):
    open_test_round(secretariat, agency_a, agency_b)
    groups = secretariat_client.get(URL, {"by": "deliverable"}).context["groups"]
    assert [(g.title, len(g.items)) for g in groups] == [("Update round “Mid-year update”", 2)]


def test_it_counts_an_agency_s_step_once_per_agency(secretariat_client, agency_a):
    other = make_agency("AGC")
    make_deliverable(timezone.localdate(), agencies=(agency_a, other))
    groups = secretariat_client.get(URL).context["groups"]
    assert [len(group.items) for group in groups] == [1, 1]


def test_it_warns_the_secretariat_of_late_deliverables_in_my_deadlines(
    secretariat_client, late_step
):
    content = secretariat_client.get(reverse("workplan:my_deadlines")).content.decode()
    assert "Nothing open: well done." not in content
    assert "1 deliverable of the coalition is late" in content
