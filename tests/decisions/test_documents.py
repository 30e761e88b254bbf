"""Documents: accepted by their content (not their name), refused with a message naming the
file and the reason (nothing stored), read only through the download view, and a finished
output completes its step (and the action point it mirrors)."""

import datetime
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from decisions.models import ActionPoint, Document
from decisions.sniffing import sniff
from tests.decisions.conftest import PDF, PNG, docx_bytes, odt_bytes
from workplan.models import Step

pytestmark = pytest.mark.django_db


def _stored_files(settings) -> list[str]:
    root = settings.STORAGES["documents"]["OPTIONS"]["location"]
    return [name for _dir, _dirs, names in os.walk(root) for name in names]


def _upload(client, target: str, content: bytes, name: str, **fields):
    data = {
        "title": "Matrix sent",
        "language": "en",
        "date": "2012-02-28",
        "visibility": "members",
        "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
        **fields,
    }
    return client.post(f"{reverse('decisions:document_add')}?{target}", data)


@pytest.mark.parametrize(
    ("content", "extension"),
    [(PDF, ".pdf"), (PNG, ".png"), (docx_bytes(), ".docx"), (odt_bytes(), ".odt")],
)
def test_the_content_says_what_a_file_is(content, extension):
    import io

    assert sniff(io.BytesIO(content)).extension == extension


def test_an_output_uploaded_to_an_action_point_completes_its_step(member_a_client, coalition):
    action = coalition.action_a
    response = _upload(
        member_a_client, f"action={action.pk}", PDF, "matrix.pdf", closes="on", agency=""
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = Document.objects.get(title="Matrix sent")
    assert (document.content_type, document.closes_step_id) == ("application/pdf", action.step_id)
    assert Step.objects.get(pk=action.step_id).completed_on == datetime.date(2012, 2, 28)
    assert ActionPoint.objects.get(pk=action.pk).status == "done"
    # The member's agency was filled in (their only one), and the file reads back.
    assert document.agency == action.owner_agency
    download = member_a_client.get(reverse("decisions:document", args=[document.pk]))
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"] == 'attachment; filename="matrix.pdf"'


def test_a_file_named_pdf_that_is_not_is_refused_and_nothing_is_stored(
    member_a_client, coalition, settings
):
    before = _stored_files(settings)
    response = _upload(member_a_client, "country=VN", b"MZ\x90\x00 an exe", "report.pdf")
    text = response.content.decode()
    assert response.status_code == 200
    assert "“report.pdf” was refused: its content is not one of the accepted kinds" in text
    assert not Document.objects.filter(title="Matrix sent").exists()
    assert _stored_files(settings) == before


def test_a_file_over_the_limit_is_refused_by_name(member_a_client, coalition, settings):
    settings.SPF_DOCUMENT_MAX_BYTES = 20
    response = _upload(member_a_client, "country=VN", PDF, "big.pdf")
    size = len(PDF)
    assert response.context["form"].errors["file"] == [
        f"“big.pdf” is {size}\xa0bytes: the largest file accepted is 20\xa0bytes."
    ]
    assert not Document.objects.filter(title="Matrix sent").exists()


def test_a_document_for_its_agency_only_needs_the_agency(secretariat_client, coalition):
    response = _upload(secretariat_client, "country=VN", PDF, "a.pdf", visibility="agency")
    assert "Name the agency" in response.content.decode()


def test_the_meeting_lists_only_the_documents_the_reader_may_see(member_b_client, coalition):
    page = member_b_client.get(reverse("decisions:meeting", args=[coalition.meeting.pk]))
    text = page.content.decode()
    assert "Concept note" in text and "Agenda" in text
    assert "Agency A draft" not in text


def test_the_meeting_offers_removal_only_to_the_documents_agency(
    client, member_a, member_b, coalition, settings, django_capture_on_commit_callbacks
):
    url = reverse("decisions:meeting", args=[coalition.meeting.pk])
    remove = reverse("decisions:document_remove", args=[coalition.documents.agency.pk])
    client.force_login(member_a)
    assert remove in client.get(url).content.decode()
    client.force_login(member_b)
    page = client.get(url).content.decode()
    assert remove not in page and "Agency A draft" not in page
    # Removing sends back to the page it was asked from, never elsewhere.
    client.force_login(member_a)
    stored = coalition.documents.agency.file.name
    assert stored in [f"documents/{name}" for name in _stored_files(settings)]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(remove, {"next": "https://evil.example.org/"})
    assert response.status_code == 302 and response.url == reverse("decisions:log")
    assert not Document.objects.filter(pk=coalition.documents.agency.pk).exists()
    assert stored not in [f"documents/{name}" for name in _stored_files(settings)]
