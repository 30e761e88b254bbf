"""A selected country's page: its status with the decision that set it, its joint workplan
with lead agencies, steps, matrix rows and outputs, its documents; the same number of
queries whatever the plan's size; a lead agency's member updates the progress."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from decisions.models import CountryDeliverable, CountryStatus, Status
from tests.decisions.conftest import add_document
from tests.factories import make_country
from workplan.models import Deliverable, Step

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_status_and_the_joint_workplan(client, coalition):
    page = client.get(reverse("countries:detail", args=["VN"])).content.decode()
    assert "Selected for joint work" in page
    assert f"#decision-{coalition.public.pk}" in page
    assert "Joint SPF assessment in Viet Nam" in page
    assert coalition.activity.reference in page
    assert "Country note" in page


def test_a_candidate_status_is_for_members_only(member_b_client, coalition):
    CountryStatus.objects.create(
        country=coalition.vn, status=Status.CANDIDATE, since=datetime.date(2013, 1, 1)
    )
    assert (
        "Candidate"
        in member_b_client.get(reverse("countries:detail", args=["VN"])).content.decode()
    )
    public = Client().get(reverse("countries:detail", args=["VN"])).content.decode()
    assert "Candidate" not in public and "Selected for joint work" in public


def test_a_status_change_needs_a_date(coalition):
    from decisions.admin import CountryStatusForm

    form = CountryStatusForm({"country": coalition.vn.pk, "status": Status.PILOT, "since": ""})
    assert form.errors["since"] == ["Give the date the status took effect."]


def _shown(client, deliverable) -> str:
    """The state the progress page showed (its hidden field), as a browser sends it back."""
    page = client.get(reverse("decisions:progress", args=[deliverable.pk]))
    return page.context["form"]["shown"].value()


def test_a_lead_member_updates_the_progress(member_a_client, coalition):
    deliverable = coalition.deliverable
    step = deliverable.steps.get()
    response = member_a_client.post(
        reverse("decisions:progress", args=[deliverable.pk]),
        {"progress": "40", f"step_{step.pk}": "on", "shown": _shown(member_a_client, deliverable)},
    )
    assert response.status_code == 302
    deliverable.refresh_from_db()
    assert deliverable.progress == 40
    assert Step.objects.get(pk=step.pk).completed_on is not None


def test_a_progress_saved_on_a_page_someone_saved_since_is_refused(member_a_client, coalition):
    """Two members of the lead agency open the page; the second save would undo the first's."""
    deliverable = coalition.deliverable
    url = reverse("decisions:progress", args=[deliverable.pk])
    shown = _shown(member_a_client, deliverable)
    assert member_a_client.post(url, {"progress": "40", "shown": shown}).status_code == 302
    stale = member_a_client.post(url, {"progress": "10", "shown": shown})
    assert stale.status_code == 409
    assert "Someone saved this deliverable" in stale.content.decode()
    deliverable.refresh_from_db()
    assert deliverable.progress == 40
    # The form now carries what is saved: saving again is the person's informed choice.
    again = stale.context["form"]["shown"].value()
    assert member_a_client.post(url, {"progress": "10", "shown": again}).status_code == 302
    deliverable.refresh_from_db()
    assert deliverable.progress == 10


def _grow_plan(coalition, n: int) -> None:
    area = coalition.deliverable.area
    for i in range(n):
        deliverable = Deliverable.objects.create(area=area, title=f"Country deliverable {i}")
        deliverable.responsible_agencies.set([coalition.action_a.owner_agency])
        Step.objects.create(
            deliverable=deliverable, title="Step", due_date=datetime.date(2012, 8, 1)
        )
        CountryDeliverable.objects.create(deliverable=deliverable, country=coalition.vn)
        add_document(f"Output {i}", "public", deliverable=deliverable)


def test_the_page_costs_the_same_queries_for_a_small_and_a_large_plan(member_a_client, coalition):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("countries:detail", args=["VN"])
    member_a_client.get(url)
    with CaptureQueriesContext(connection) as small:
        member_a_client.get(url)
    _grow_plan(coalition, 12)
    with CaptureQueriesContext(connection) as large:
        page = member_a_client.get(url)
    assert "Output 11" in page.content.decode()
    assert len(large) == len(small)


def test_the_map_outlines_the_coalitions_countries_by_status(member_a_client, coalition):
    from decisions.models import CountryStatus, Status

    mz = make_country("MZ")
    CountryStatus.objects.create(
        country=mz, status=Status.CANDIDATE, since=datetime.date(2013, 1, 1)
    )
    members = member_a_client.get(reverse("overview:map")).content.decode()
    assert 'map-status map-status--selected" data-code="VN"' in members
    assert 'map-status map-status--candidate" d=' in members
    public = Client().get(reverse("overview:map")).content.decode()
    assert "map-status--selected" in public
    assert "map-status--candidate" not in public  # candidates are for members only


def test_the_selection_ranking_shows_each_countrys_status(member_a_client, coalition):
    from countries.models import Rating, SelectionCriterion

    criterion = SelectionCriterion.objects.create(number=1, title="A country request exists")
    coalition.vn.assessments.create(
        criterion=criterion, rating=Rating.MET, note="Letter", assessed_on=datetime.date(2012, 3, 1)
    )
    page = member_a_client.get(reverse("countries:assessments")).content.decode()
    assert '<span class="badge country-status-badge">Selected for joint work</span>' in page


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_the_section_costs_six_queries_whatever_the_plans_size(
    rf, django_assert_num_queries, member_a, coalition, who
):
    """Status, deliverables with their status, leads, steps, matrix rows, and the documents
    with the deliverables' outputs in one query (decisions.country_page)."""
    from django.contrib.auth.models import AnonymousUser

    from decisions.country_page import section_context

    request = rf.get("/")
    request.user = member_a if who == "member" else AnonymousUser()
    section_context(request, coalition.vn)  # warm-up: the person's agencies, once a request
    with django_assert_num_queries(6):
        small = section_context(request, coalition.vn)
    _grow_plan(coalition, 12)
    with django_assert_num_queries(6):
        large = section_context(request, coalition.vn)
    assert len(small["plan"]) == 1 and len(large["plan"]) == 13
    assert [output.label for output in large["plan"][-1].outputs] == ["Output 11"]
    assert [document.label for document in large["documents"]] == ["Country note"]
    assert "Output 11" in large["plan_html"] and "Country note" in large["documents_html"]
