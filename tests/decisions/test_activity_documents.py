"""A matrix row's documents on its page: those the reader may see, and for the members of
its agencies a link to attach one (decisions answers activities.signals.activity_panels_asked)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activities.models import Role
from decisions.models import Document, Visibility
from tests.decisions.conftest import PDF, add_document
from tests.factories import make_activity, make_country

pytestmark = pytest.mark.django_db


@pytest.fixture
def row(agency_a, agency_b):
    activity = make_activity(make_country("SN"), {agency_a: Role.LEAD}, title="Costing study")
    add_document("Costing report", Visibility.PUBLIC, activity=activity)
    add_document("Draft figures", Visibility.AGENCY, activity=activity, agency=agency_a)
    return activity


def _page(client, activity) -> str:
    response = client.get(reverse("activities:history", kwargs={"reference": activity.reference}))
    assert response.status_code == 200
    return response.content.decode()


def test_the_rows_members_see_its_documents_and_may_attach_one(member_a_client, row):
    text = _page(member_a_client, row)
    assert "Costing report" in text and "Draft figures" in text
    assert f"?activity={row.reference}" in text


def test_another_agencys_member_sees_only_what_it_may_read(member_b_client, row):
    text = _page(member_b_client, row)
    assert "Costing report" in text
    assert "Draft figures" not in text
    assert f"?activity={row.reference}" not in text


def test_a_document_attached_from_the_row_shows_on_it(member_a_client, row):
    upload = {
        "title": "Terms of reference",
        "language": "en",
        "date": "2012-02-28",
        "visibility": "members",
        "file": SimpleUploadedFile("tor.pdf", PDF, content_type="application/pdf"),
    }
    response = member_a_client.post(
        f"{reverse('decisions:document_add')}?activity={row.reference}", upload
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    assert Document.objects.get(title="Terms of reference").activity == row
    assert "Terms of reference" in _page(member_a_client, row)
