import pytest
from django.urls import reverse

from activities.models import Tool

pytestmark = pytest.mark.django_db


def test_it_shows_a_tool_s_history_in_the_admin(superuser_client):
    tool = Tool.objects.create(name="Rapid assessment protocol", acronym="RAP")
    tool.name_fr = "Protocole d'évaluation rapide"
    tool.save()
    page = superuser_client.get(reverse("admin:activities_tool_history", args=[tool.pk]))
    assert page.status_code == 200
    assert tool.history.count() == 2
