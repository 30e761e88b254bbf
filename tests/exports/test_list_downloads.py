"""Every activity list downloads as CSV, XLSX and ODS with exactly the rows the page shows."""

import pytest
from django.urls import reverse

from tests.exports.matrix import lists_world, page_references, read_download

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

FORMATS = ["csv", "xlsx", "ods"]


@pytest.fixture
def world(db):
    return lists_world()


def downloaded(client, url: str, query: str, fmt: str) -> list[str]:
    response = client.get(f"{url}?{query}&format={fmt}")
    assert response.status_code == 200
    return [row["Reference"] for row in read_download(response, fmt)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_it_downloads_the_filtered_matrix(client, world, fmt):
    query = "agency=ILO&agency_role=lead&sort=-title"
    shown = page_references(client, reverse("activities:matrix"), query)
    assert len(shown) == 2
    assert downloaded(client, reverse("activities:matrix_export"), query, fmt) == shown


@pytest.mark.parametrize("fmt", FORMATS)
def test_it_downloads_a_country_page_list(client, world, fmt):
    shown = page_references(client, reverse("countries:detail", args=["VNM"]))
    assert len(shown) == 2
    assert downloaded(client, reverse("countries:export", args=["VNM"]), "", fmt) == shown


@pytest.mark.parametrize("fmt", FORMATS)
def test_it_downloads_what_an_agency_leads(client, world, fmt):
    shown = page_references(client, reverse("agencies:detail", args=["ILO"]))
    assert len(shown) == 2
    assert downloaded(client, reverse("agencies:export", args=["ilo"]), "", fmt) == shown


def test_it_links_the_downloads_from_the_pages(client, world):
    country = client.get(reverse("countries:detail", args=["VNM"])).content.decode()
    agency = client.get(reverse("agencies:detail", args=["ILO"])).content.decode()
    assert reverse("countries:export", args=["VN"]) + "?format=ods" in country
    assert reverse("agencies:export", args=["ILO"]) + "?format=hxl-long" in agency


def test_it_refuses_an_unknown_format_naming_the_choices(client, world):
    response = client.get(reverse("countries:export", args=["VNM"]), {"format": "pdf"})
    assert response.status_code == 400
    assert "pdf" in response.content.decode() and "ods" in response.content.decode()


def test_it_answers_404_for_an_unknown_country_or_agency(client, world):
    assert (
        client.get(reverse("countries:export", args=["ZZZ"]), {"format": "csv"}).status_code == 404
    )
    assert (
        client.get(reverse("agencies:export", args=["NOPE"]), {"format": "csv"}).status_code == 404
    )
