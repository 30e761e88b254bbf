"""The funding page: filters in the URL, totals per currency, downloads of what it shows."""

import csv
import io

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("funding:index")


def listed(response) -> set[str]:
    return {str(item.pk) for item in response.context["contributions"]}


def test_it_filters_by_partner_channel_and_country(client, funds):
    assert listed(client.get(f"{URL}?partner=AFD")) == {str(funds.bilateral.pk)}
    assert listed(client.get(f"{URL}?country=KHM")) == {str(funds.fund.pk)}


def test_it_filters_by_year_status_and_currency(client, funds):
    assert listed(client.get(f"{URL}?year=2021&status=pledged")) == {str(funds.pledge.pk)}
    assert listed(client.get(f"{URL}?currency=USD")) == {str(funds.bilateral.pk)}


def test_it_lists_nothing_and_says_why_for_a_bad_filter(client, funds):
    response = client.get(f"{URL}?currency=DOLLARS")
    assert listed(response) == set()
    assert "Some filters could not be used" in response.content.decode()


def test_it_says_when_totals_are_in_several_currencies(member_a_client, funds):
    page = member_a_client.get(URL).content.decode()
    assert "in several currencies, so there is one total per currency" in page
    single = member_a_client.get(f"{URL}?currency=EUR").content.decode()
    assert "in several currencies" not in single


def test_it_downloads_the_totals_with_their_currency(member_a_client, funds):
    response = member_a_client.get(reverse("funding:totals_export") + "?format=csv&partner=AFD")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["Totals by", "Of", "Currency", "Pledged", "Paid", "Total"]
    assert ["Partner", "AFD", "USD", "0.00", "300000.00", "300000.00"] in rows


def test_it_refuses_a_bad_filter_in_a_download(member_a_client, funds):
    response = member_a_client.get(reverse("funding:export") + "?format=csv&year=soon")
    assert response.status_code == 400
    assert "year" in response.content.decode()


def test_it_refuses_an_unknown_format(client, funds):
    assert client.get(reverse("funding:export") + "?format=pdf").status_code == 400


def test_it_is_in_the_navigation(client, funds):
    assert f'href="{URL}"' in client.get(reverse("activities:matrix")).content.decode()
