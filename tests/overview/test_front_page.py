import datetime

import pytest
from django.urls import reverse

from tests.overview.conftest import make_deliverable

pytestmark = pytest.mark.django_db


def test_it_opens_on_the_front_page_rather_than_the_filter_form(client, coalition):
    response = client.get("/")
    assert response.templates[0].name == "overview/home.html"
    assert "Social Protection Floor coalition" in response.content.decode()


def test_it_counts_countries_and_agencies_with_activities(client, coalition):
    figures = client.get("/").context["figures"]
    assert figures.countries == 4  # Togo has none
    assert figures.agencies == 3  # IDLE takes part in nothing


def test_it_counts_the_activities_running_this_year(client, coalition):
    figures = client.get("/").context["figures"]
    # Costing (2024-2026), task force (from Feb), child law (from Sept), atoll; not Peru's.
    assert figures.year == 2025
    assert figures.running == 4


def test_it_counts_deliverables_with_an_open_step_due_in_the_next_30_days(client, coalition, today):
    soon, later, past = (today + datetime.timedelta(days=d) for d in (30, 31, -1))
    make_deliverable((soon, None))
    make_deliverable((soon, today))  # done already
    make_deliverable((later, None))
    make_deliverable((past, None), (today, None))  # late, and due today as well
    assert client.get("/").context["figures"].due_soon == 2


def test_it_leads_into_the_matrix_and_the_map(client, coalition):
    content = client.get("/").content.decode()
    assert f'action="{reverse("activities:matrix")}"' in content
    assert f'href="{reverse("overview:map")}"' in content


def test_it_links_each_figure_to_the_list_behind_it(client, coalition):
    content = client.get("/").content.decode()
    assert f'href="{reverse("activities:matrix")}?year=2025"' in content
    assert f'href="{reverse("countries:index")}"' in content
