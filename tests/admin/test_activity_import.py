"""The admin's Import button for activities is the hub's own import: one pipeline, one set of
rules and formats (not django-import-export's second one)."""

import pytest
from django.urls import reverse

from activities.models import ActivityAgency, Role
from imports.models import ImportJob, ImportStatus
from tests.factories import make_agency, make_country
from tests.imports.helpers import upload

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

# A file as the admin's import took it: the localised "Country" column, day-first dates.
MATRIX = """\ufeffReference,Country,Title,Type,Status,Lead agency,Co-lead agencies,\
Partner agencies,Funding agencies,Start date,End date
SPF-AAAA01,Viet Nam,Costing the floor,Costing and fiscal space,Ongoing,ILO,,UNICEF; UNWomen,\
MFA-FI,01/03/2018,2018-12-31
spf-aaaa02,Lao PDR,Social health protection law,legal,planned,WHO,UNICEF,ILO,,,
"""


@pytest.fixture
def members(db):
    make_country("VN")
    make_country("LA")
    for acronym in ("ILO", "UNICEF", "WHO", "MFA-FI"):
        make_agency(acronym)
    make_agency("UN Women", name_variants="UNWomen")


def test_it_links_the_import_button_to_the_import_page(superuser_client):
    page = superuser_client.get(reverse("admin:activities_activity_changelist")).content.decode()
    assert '<a href="/import/" class="import_link">Import</a>' in page
    assert reverse("admin:activities_activity_export") in page


def test_it_sends_the_old_admin_import_address_to_the_import_page(superuser_client):
    response = superuser_client.get("/admin/activities/activity/import/")
    assert (response.status_code, response.url) == (302, "/import/")


def test_it_imports_the_admins_file_through_the_one_pipeline(superuser_client, members):
    upload(superuser_client, MATRIX.encode())
    job = ImportJob.objects.get()
    superuser_client.post(reverse("imports:apply", args=[job.pk]))
    job.refresh_from_db()
    links = set(
        ActivityAgency.objects.values_list("activity__reference", "agency__acronym", "role")
    )
    assert job.status == ImportStatus.APPLIED
    assert links == {
        ("SPF-AAAA01", "ILO", Role.LEAD),
        ("SPF-AAAA01", "UNICEF", Role.PARTNER),
        ("SPF-AAAA01", "UN Women", Role.PARTNER),
        ("SPF-AAAA01", "MFA-FI", Role.FUNDER),
        ("SPF-AAAA02", "WHO", Role.LEAD),
        ("SPF-AAAA02", "UNICEF", Role.CO_LEAD),
        ("SPF-AAAA02", "ILO", Role.PARTNER),
    }


def test_it_reads_a_day_first_date_as_the_front_end_does(superuser_client, members):
    upload(superuser_client, MATRIX.encode())
    job = ImportJob.objects.get()
    superuser_client.post(reverse("imports:apply", args=[job.pk]))
    start = ActivityAgency.objects.filter(activity__reference="SPF-AAAA01").first().activity
    assert start.start_date.isoformat() == "2018-03-01"
