"""The OpenAPI schema and its interactive docs, served by the app with nothing from a CDN."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_serves_an_openapi_3_schema_of_every_endpoint(client):
    response = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert {path.split("/")[3] for path in schema["paths"]} == {
        "activities",
        "agencies",
        "countries",
        "deliverables",
        "focal-points",
        "steps",
        "contributions",
        "tools",
        "data-sets",
        "processes",
        "outreach",
        "meetings",
        "decisions",
        "action-points",
        "indicators",
        "result-values",
        "milestones",
        "coverage-figures",
        "documents",
        "country-statuses",
        "country-workplans",
    }


def test_it_serves_the_docs_page_and_its_script_from_the_app(client):
    page = client.get(reverse("api:docs")).content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets
    assert all(url.startswith("/") for url in assets)


def test_it_ships_the_swagger_ui_files(client):
    page = client.get(reverse("api:docs")).content.decode()
    static = [url for url in re.findall(r'src="/static/([^"?]+)"', page)]
    assert static
    assert all(finders.find(path) for path in static)


def test_it_writes_no_inline_script(client):
    page = client.get(reverse("api:docs")).content.decode()
    assert "<script>" not in page
    assert client.get(reverse("api:docs") + "?script=").status_code == 200
