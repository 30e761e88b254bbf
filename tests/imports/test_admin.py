"""The secretariat's way in from the admin: the log of imports, and "add" opens the upload."""

import pytest

from imports.models import ImportJob

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_it_lists_imports_for_the_secretariat(secretariat_client, member_a):
    ImportJob.objects.create(user=member_a, file_name="june.xlsx", file_data=b"x")
    response = secretariat_client.get("/admin/imports/importjob/")
    assert response.status_code == 200
    assert "june.xlsx" in response.content.decode()


def test_it_sends_add_import_to_the_upload_page(secretariat_client):
    response = secretariat_client.get("/admin/imports/importjob/add/")
    assert (response.status_code, response.url) == (302, "/import/")


def test_it_hides_the_import_log_from_members(member_a_client):
    assert member_a_client.get("/admin/imports/importjob/").status_code in (302, 403)
