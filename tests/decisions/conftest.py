"""A meeting of the coalition with its decisions and action points, documents of each
visibility, a selected country with a joint workplan: the world of the decisions tests."""

import datetime
import io
import zipfile
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile

from decisions.models import (
    ActionPoint,
    CountryDeliverable,
    CountryStatus,
    Decision,
    Document,
    Meeting,
    Status,
    Visibility,
)
from tests.factories import make_activity, make_country, make_focal_point
from workplan.models import Area, Deliverable, Step, Workplan

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _documents_in_a_temporary_directory(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documents"), "base_url": None},
        },
    }


def add_document(title: str, visibility: str, content: bytes = PDF, **attach) -> Document:
    document = Document(
        title=title,
        date=datetime.date(2012, 3, 1),
        visibility=visibility,
        original_name=f"{title}.pdf",
        content_type="application/pdf",
        extension=".pdf",
        size=len(content),
        **attach,
    )
    document.file.save("x.pdf", ContentFile(content), save=False)
    document.save()
    return document


@pytest.fixture
def coalition(agency_a, agency_b, member_a, member_b, secretariat) -> SimpleNamespace:
    """A members-only meeting with a public and a members-only decision, two action points
    (agency A's and agency B's), documents of each visibility; a public meeting; Viet Nam
    selected by the public decision, with a joint workplan led by agency A."""
    vn = make_country("VN")
    person_a = make_focal_point(agency_a, name="Ana Focal", email="ana@a.example.org")
    meeting = Meeting.objects.create(
        title="Coalition meeting", date=datetime.date(2012, 2, 10), minutes="# Notes\n\nWe met."
    )
    public_meeting = Meeting.objects.create(
        title="Partners meeting", date=datetime.date(2012, 6, 1), minutes_public=True
    )
    public = Decision.objects.create(
        meeting=meeting,
        text="Identify pilot countries and self-starters",
        decided_on=meeting.date,
        is_public=True,
        country=vn,
    )
    private = Decision.objects.create(
        meeting=meeting, text="Draft a 5 page funding strategy paper", decided_on=meeting.date
    )
    action_a = ActionPoint.objects.create(
        meeting=meeting,
        text="Send the matrix to all members",
        owner_agency=agency_a,
        owner_person=person_a,
        due_date=datetime.date(2012, 2, 29),
    )
    action_b = ActionPoint.objects.create(
        meeting=meeting,
        text="Write the funding strategy paper",
        owner_agency=agency_b,
        due_date=datetime.date(2012, 5, 31),
        decision=private,
    )
    CountryStatus.objects.create(
        country=vn, status=Status.SELECTED, since=datetime.date(2012, 2, 10), decision=public
    )
    workplan = Workplan.objects.get(year=2012)  # made for the action points
    area = Area.objects.create(workplan=workplan, number=9, title="Country operations")
    deliverable = Deliverable.objects.create(area=area, title="Joint SPF assessment in Viet Nam")
    deliverable.responsible_agencies.set([agency_a])
    Step.objects.create(
        deliverable=deliverable, title="Assessment report", due_date=datetime.date(2012, 9, 30)
    )
    activity = make_activity(vn, title="SPF assessment-based national dialogue")
    plan = CountryDeliverable.objects.create(deliverable=deliverable, country=vn)
    plan.activities.set([activity])
    documents = SimpleNamespace(
        public=add_document("Agenda", Visibility.PUBLIC, meeting=meeting),
        members=add_document("Concept note", Visibility.MEMBERS, meeting=meeting),
        agency=add_document("Agency A draft", Visibility.AGENCY, meeting=meeting, agency=agency_a),
        country=add_document("Country note", Visibility.PUBLIC, country=vn),
    )
    return SimpleNamespace(
        vn=vn,
        person_a=person_a,
        meeting=meeting,
        public_meeting=public_meeting,
        public=public,
        private=private,
        action_a=action_a,
        action_b=action_b,
        deliverable=deliverable,
        plan=plan,
        activity=activity,
        documents=documents,
    )
