"""A partner names a tool as the catalogue shows it in their language."""

import pytest

from activities.models import Activity, Tool
from tests.imports.helpers import basics, csv_bytes, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HEADER = ["Country code", "Title", "Type", "Lead agency", "Tools used"]


def test_it_knows_a_tool_by_its_french_or_spanish_name(secretariat):
    basics()
    rap = Tool.objects.create(
        name="Rapid Assessment Protocol",
        name_fr="Protocole d'évaluation rapide",
        name_es="Protocolo de evaluación rápida",
    )
    rows = [
        ["VNM", "Pension law", "Study", "ILO", "Protocole d'evaluation rapide"],
        ["VNM", "Child benefit", "Study", "ILO", "protocolo de evaluación rápida"],
    ]
    job = run(secretariat, csv_bytes(rows, HEADER))
    assert job.status == "applied"
    assert {tuple(a.tools_used.all()) for a in Activity.objects.all()} == {(rap,)}
