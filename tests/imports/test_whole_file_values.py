"""A file without a type of work (or a country) is not refused whole: the mapping step gives
one value for every row."""

import pytest

from activities.models import Activity
from imports.models import ImportJob, ImportStatus
from tests.factories import make_agency, make_country
from tests.imports.helpers import csv_bytes, upload

pytestmark = pytest.mark.django_db


def test_a_file_without_type_or_country_gets_them_in_the_mapping_step(secretariat_client):
    make_country("MZ"), make_agency("ILO")
    data = csv_bytes(
        [["Pension study", "ILO"], ["Child grant review", "ILO"]], ["Title", "Lead agency"]
    )
    upload(secretariat_client, data)
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.MAPPING
    page = secretariat_client.get(f"/import/{job.pk}/columns/").content.decode()
    assert 'name="whole_activity_type"' in page
    answer = {"column_0": "title", "column_1": "lead_agency", "whole_activity_type": "study"}
    refused = secretariat_client.post(f"/import/{job.pk}/columns/", answer)
    assert "Required columns are missing: Country code." in refused.content.decode()
    unknown = secretariat_client.post(
        f"/import/{job.pk}/columns/", {**answer, "whole_country": "Atlantis"}
    )
    assert "Unknown country “Atlantis”" in unknown.content.decode()
    secretariat_client.post(f"/import/{job.pk}/columns/", {**answer, "whole_country": "Mozambique"})
    job.refresh_from_db()
    assert (job.status, job.new_count, job.error_count) == (ImportStatus.PREVIEWED, 2, 0)
    secretariat_client.post(f"/import/{job.pk}/apply/")
    assert set(Activity.objects.values_list("activity_type", "country__code")) == {("study", "MZ")}


def test_the_hubs_own_columns_without_the_type_go_to_the_mapping_step(secretariat_client):
    make_country("VN"), make_agency("ILO")
    data = csv_bytes([["VNM", "Study", "ILO"]], ["Country code", "Title", "Lead agency"])
    upload(secretariat_client, data)
    job = ImportJob.objects.get()
    assert (job.status, job.error) == (ImportStatus.MAPPING, "")
