"""Small things people met: the admin history's "None" and US dates, the funding page's
empty message without a filter, Spanish "SPF" (never "PPS"), French "Lignes de l'agence
ILO" (never "Lignes de ILO")."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from activities.models import Tool
from funding.models import Channel
from tests.factories import make_activity, make_agency, make_country

pytestmark = pytest.mark.django_db


def test_the_admin_history_shows_no_none_and_no_month_first_date(superuser_client):
    tool = Tool.objects.create(name="Rapid Assessment Protocol")
    tool.name = "RAP"
    tool.save()
    page = superuser_client.get(reverse("admin:activities_tool_history", args=[tool.pk]))
    text = page.content.decode().split('id="change-history"')[1]
    assert ">None<" not in text
    assert not re.search(r"\b\d{2}/\d{2}/\d{4}\b", text)
    assert not re.search(r"[ap]\.m\.", text)


def test_the_funding_page_says_nothing_is_recorded_when_no_filter_is_set(client):
    page = client.get("/funding/").content.decode()
    assert "No contribution matches these filters" not in page
    assert "No contribution is recorded yet." in page
    filtered = client.get("/funding/", {"channel": Channel.values[0]}).content.decode()
    assert "No contribution matches these filters." in filtered


def test_spanish_says_spf_as_everywhere_else():
    with translation.override("es"):
        assert translation.gettext("Add an SPF tool") == "Añadir una herramienta SPF"
        assert translation.gettext("Edit an SPF tool") == "Modificar una herramienta SPF"


def test_french_names_an_agency_s_rows_without_de_before_its_acronym(client, member_a, agency_a):
    make_activity(make_country("VN"), {agency_a: "lead"})
    member_a.profile.language = "fr"
    member_a.profile.save()
    client.force_login(member_a)
    page = client.get("/my/").content.decode()
    assert f"Lignes de l'agence {agency_a.acronym}" in page
    with translation.override("fr"):
        for message in ("%(acronym)s's rows", "%(agency)s's rows", "The checklist of %(agency)s:"):
            assert not re.search(r"\bde %\(", translation.gettext(message))


def test_the_map_hint_has_words_for_touch_screens(client):
    make_agency("ILO")
    page = client.get("/map/").content.decode()
    assert 'class="on-touch"' in page
    assert "Touch a country" in page
