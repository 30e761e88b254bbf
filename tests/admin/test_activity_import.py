import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from activities.models import Activity, ActivityAgency, Role
from tests.factories import make_agency, make_country

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

MATRIX = """\ufeffReference,Country code,Title,Type,Status,Lead agency,Co-lead agencies,\
Partner agencies,Funding agencies,Start date,End date
SPF-AAAA01,VNM,Costing the floor,Costing and fiscal space,Ongoing,ILO,,UNICEF; UNWomen,MFA-FI,\
2012-01-01,2012-12-31
spf-aaaa02,Lao PDR,Social health protection law,legal,planned,WHO,UNICEF,ILO,,,
"""


@pytest.fixture
def members(db):
    make_country("VN")
    make_country("LA", name_variants="Lao PDR")
    for acronym in ("ILO", "UNICEF", "WHO", "MFA-FI"):
        make_agency(acronym)
    make_agency("UN Women", name_variants="UNWomen")


def import_csv(client, text: str):
    """Upload through the admin's two steps (preview, confirm); return the last response."""
    upload = SimpleUploadedFile("matrix.csv", text.encode(), content_type="text/csv")
    preview = client.post(
        reverse("admin:activities_activity_import"),
        {"import_file": upload, "format": "0", "resource": "0"},
    )
    if "confirm_form" not in preview.context:
        return preview
    confirm = preview.context["confirm_form"].initial
    return client.post(reverse("admin:activities_activity_process_import"), confirm)


def role_rows() -> set[tuple[str, str, str]]:
    links = ActivityAgency.objects.values_list("activity__reference", "agency__acronym", "role")
    return set(links)


def test_it_imports_every_agency_of_a_row_in_its_role(superuser_client, members):
    response = import_csv(superuser_client, MATRIX)
    assert response.status_code == 302
    assert role_rows() == {
        ("SPF-AAAA01", "ILO", Role.LEAD),
        ("SPF-AAAA01", "UNICEF", Role.PARTNER),
        ("SPF-AAAA01", "UN Women", Role.PARTNER),
        ("SPF-AAAA01", "MFA-FI", Role.FUNDER),
        ("SPF-AAAA02", "WHO", Role.LEAD),
        ("SPF-AAAA02", "UNICEF", Role.CO_LEAD),
        ("SPF-AAAA02", "ILO", Role.PARTNER),
    }


def test_it_changes_nothing_when_the_same_file_comes_back(superuser_client, members):
    import_csv(superuser_client, MATRIX)
    before = (role_rows(), Activity.history.count(), ActivityAgency.history.count())
    import_csv(superuser_client, MATRIX)
    assert (role_rows(), Activity.history.count(), ActivityAgency.history.count()) == before
    assert Activity.objects.count() == 2


def test_it_moves_an_agency_to_its_new_role(superuser_client, members):
    import_csv(superuser_client, MATRIX)
    import_csv(superuser_client, MATRIX.replace("ILO,,UNICEF; UNWomen", "UNICEF,,ILO"))
    assert {row[1:] for row in role_rows() if row[0] == "SPF-AAAA01"} == {
        ("UNICEF", Role.LEAD),
        ("ILO", Role.PARTNER),
        ("MFA-FI", Role.FUNDER),
    }


def test_it_reports_an_unknown_agency_and_imports_nothing(superuser_client, members):
    response = import_csv(superuser_client, MATRIX.replace("MFA-FI", "NOPE"))
    assert "Unknown agency: NOPE." in response.content.decode()
    assert not Activity.objects.exists()


def test_it_refuses_two_lead_agencies_in_a_row(superuser_client, members):
    response = import_csv(superuser_client, MATRIX.replace(",ILO,,", ",ILO; WHO,,"))
    assert "Only one agency can lead an activity." in response.content.decode()
    assert not ActivityAgency.objects.exists()
