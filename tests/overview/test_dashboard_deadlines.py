"""The workplan's deliverables due in the next 30 days, and the late ones, on the dashboard."""

import datetime

import pytest
from django.urls import reverse

from tests.overview.conftest import make_deliverable

pytestmark = pytest.mark.django_db


@pytest.fixture
def deadlines(today, agency_a):
    day = datetime.timedelta(days=1)
    return {
        "soon": make_deliverable((today + 12 * day, None), agencies=(agency_a,), title="Soon"),
        "done": make_deliverable((today + 5 * day, today), title="Done early"),
        "later": make_deliverable((today + 45 * day, None), title="Later"),
        "late": make_deliverable((today - 3 * day, None), (today + 60 * day, None), title="Late"),
    }


def test_it_lists_the_deliverables_due_in_the_next_30_days(member_a_client, deadlines, today):
    dashboard = member_a_client.get(reverse("overview:dashboard")).context["dashboard"]
    assert [d.title for d in dashboard.due] == ["Soon"]
    assert dashboard.due[0].next_due == today + datetime.timedelta(days=12)


def test_it_lists_the_late_deliverables_with_their_overdue_step(member_a_client, deadlines, today):
    dashboard = member_a_client.get(reverse("overview:dashboard")).context["dashboard"]
    assert [d.title for d in dashboard.late] == ["Late"]
    assert dashboard.late[0].next_due == today - datetime.timedelta(days=3)


def test_it_links_a_deliverable_to_its_card_on_the_board(member_a_client, deadlines):
    content = member_a_client.get(reverse("overview:dashboard")).content.decode()
    assert f'href="/workplan/2025/#d{deadlines["soon"].pk}"' in content


def test_it_counts_late_deliverables_of_the_current_plan_only(member_a_client, deadlines, today):
    make_deliverable((datetime.date(2024, 5, 1), None), year=2024, title="Late last year")
    dashboard = member_a_client.get(reverse("overview:dashboard")).context["dashboard"]
    assert dashboard.plan.year == 2025
    assert (dashboard.late_count, [d.title for d in dashboard.late]) == (1, ["Late"])


def test_it_lists_the_first_fifteen_and_counts_them_all(member_a_client, today):
    for n in range(17):
        make_deliverable((today + datetime.timedelta(days=n + 1), None))
    response = member_a_client.get(reverse("overview:dashboard"))
    dashboard = response.context["dashboard"]
    assert (len(dashboard.due), dashboard.due_count) == (15, 17)
    assert "all of them are on the workplan board" in response.content.decode()
