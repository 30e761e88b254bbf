"""Every admin list answers with "Show counts" on (?_facets=True), alone and with each choice
of each of its filters (the lead-agency filter answered 500 to it)."""

import pytest
from django.contrib import admin
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

MODELS = sorted(
    f"{model._meta.app_label}_{model._meta.model_name}" for model in admin.site._registry
)


def filter_choices(response) -> list[str]:
    """The query string of every choice of every filter of the list."""
    changelist = response.context["cl"]
    return [
        choice["query_string"]
        for spec in changelist.filter_specs
        for choice in spec.choices(changelist)
        if "query_string" in choice
    ]


@pytest.mark.parametrize("model", MODELS)
def test_it_opens_the_list_with_counts_and_each_filter(client, coalition, model):
    client.force_login(coalition.superuser)
    url = reverse(f"admin:{model}_changelist")
    response = client.get(url, {"_facets": "True"})
    assert response.status_code == 200
    statuses = {
        query: client.get(f"{url}{query}&_facets=True").status_code
        for query in filter_choices(response)
    }
    assert {query: status for query, status in statuses.items() if status != 200} == {}


def test_it_finds_the_lead_agency_filter_with_its_counts(client, coalition):
    client.force_login(coalition.superuser)
    url = reverse("admin:activities_activity_changelist")
    response = client.get(url, {"_facets": "True", "lead": str(coalition.agency.pk)})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
