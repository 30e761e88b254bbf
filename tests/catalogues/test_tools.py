"""The tools catalogue: countries where used come from the activities that use each tool."""

import csv
import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("catalogues:tools")


def names(response) -> list[str]:
    return [tool.acronym for tool in response.context["rows"]]


def test_it_derives_the_countries_where_a_tool_is_used(client, shelf):
    rows = {tool.acronym: tool for tool in client.get(URL).context["rows"]}
    assert [country.code for country in rows["RAP"].countries_used] == ["MZ", "VN"]
    assert rows["CODI"].countries_used == []


def test_it_filters_by_purpose_language_and_owner(client, shelf):
    assert names(client.get(f"{URL}?purpose=assessment")) == ["CODI"]
    assert names(client.get(f"{URL}?language=fr")) == ["RAP"]
    assert names(client.get(f"{URL}?owner=WB")) == ["CODI"]


def test_it_searches_names_and_acronyms(client, shelf):
    assert names(client.get(f"{URL}?q=rapid")) == ["RAP"]


def test_it_downloads_what_it_lists(client, shelf):
    response = client.get(f"{URL}?language=fr&format=csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][:2] == ["Rapid Assessment Protocol", "RAP"]
    assert rows[1][-1] == "MOZ, VNM"


def test_it_refuses_a_bad_filter_in_a_download(client, shelf):
    response = client.get(f"{URL}?language=klingon&format=csv")
    assert response.status_code == 400
    assert "language" in response.content.decode()


def test_it_costs_the_same_queries_for_more_tools(client, shelf, django_assert_num_queries):
    from activities.models import Tool

    with django_assert_num_queries(4):
        client.get(URL)
    Tool.objects.create(name="Fiscal space handbook", languages=["es"])
    with django_assert_num_queries(4):
        client.get(URL)
