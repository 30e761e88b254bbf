"""The API tests' coalition, and the IATI file of the matrix as a client downloads it."""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from tests.api.coalition import build_coalition


@pytest.fixture
def coalition(agency_a, agency_b) -> SimpleNamespace:
    return build_coalition(agency_a, agency_b)


def download(client, query: str = "") -> bytes:
    response = client.get(reverse("api:iati") + (f"?{query}" if query else ""))
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content)


@pytest.fixture
def iati_file(client, coalition, tmp_path):
    """The export of the whole matrix, saved as a file (IATI readers open files)."""
    path = tmp_path / "spf.iati.xml"
    path.write_bytes(download(client))
    return path


@pytest.fixture
def iati_file_with_budget(client, coalition, tmp_path, settings):
    from decimal import Decimal

    settings.SPF_IATI_PUBLISH_BUDGETS = True
    from funding.models import ActivityBudget

    ActivityBudget.objects.create(
        activity=coalition.costing,
        year=2012,
        amount=Decimal("50000"),
        currency="CHF",
        funder=coalition.b,
    )
    path = tmp_path / "budget.iati.xml"
    path.write_bytes(download(client))
    return path
