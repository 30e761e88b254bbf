"""The import pages: who may use them, and what each job page shows."""

import pytest

from imports.models import ImportJob, ImportStatus
from tests.factories import Role, make_activity
from tests.imports.helpers import basics, csv_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.mark.parametrize(
    "persona_client, expected",
    [
        ("anonymous", 302),
        ("viewer", 403),
        ("member_a", 200),
        ("member_b", 200),
        ("secretariat", 200),
        ("superuser", 200),
    ],
    indirect=["persona_client"],
)
def test_it_opens_the_upload_page_to_members_and_the_secretariat(persona_client, expected):
    assert persona_client.get("/import/").status_code == expected


def test_it_hides_another_persons_job(member_a_client, member_b):
    job = ImportJob.objects.create(user=member_b, file_name="theirs.csv", file_data=b"x")
    assert member_a_client.get(f"/import/{job.pk}/").status_code == 404
    assert member_a_client.post(f"/import/{job.pk}/apply/").status_code == 404


def test_it_shows_the_preview_with_errors_first(secretariat_client):
    _, ilo, _ = basics()
    activity = make_activity(agencies={ilo: Role.LEAD}, title="Old title")
    rows = [
        [activity.reference, "VNM", "New title", "Study", "", "ILO", ""],
        ["", "Atlantis", "Bad", "Study", "", "ILO", ""],
    ]
    response = secretariat_client.get(upload(secretariat_client, csv_bytes(rows)).url)
    page = response.content.decode()
    assert page.index("Unknown country “Atlantis”") < page.index("“Old title” → “New title”")
    assert "Nothing will be imported while a row has an error" in page


def test_it_applies_on_confirm_and_lists_what_changed(secretariat_client):
    _, ilo, _ = basics()
    activity = make_activity(agencies={ilo: Role.LEAD}, title="Old title")
    rows = [[activity.reference, "VNM", "New title", "Study", "", "ILO", ""]]
    job_url = upload(secretariat_client, csv_bytes(rows)).url
    response = secretariat_client.post(job_url + "apply/", follow=True)
    assert ImportJob.objects.get().status == ImportStatus.APPLIED
    assert f"?q={activity.reference}" in response.content.decode()


def test_it_reports_progress_as_json(secretariat_client):
    basics()
    job_url = upload(secretariat_client, csv_bytes([["", "VNM", "T", "Study", "", "ILO", ""]])).url
    data = secretariat_client.get(job_url + "progress/").json()
    assert (data["status"], data["running"]) == ("previewed", False)
    assert data["rows_done"] == data["rows_total"] == 1
