"""A partner's own headers: the mapping step shows each column with samples and a guess, the
person confirms, and the mapping is offered again for their next file."""

import pytest
from django.urls import reverse

from activities.models import Activity
from imports.models import ImportJob, ImportMapping, ImportStatus
from tests.factories import make_country
from tests.imports.helpers import basics, csv_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HEADER = ["Pays", "Intitulé de l'activité", "Type d'activité", "Agence chef de file"]
HEADER += ["Garanties du socle", "Remarques"]
ROWS = [["Viet Nam", "Étude des pensions", "Étude", "ILO", "Santé; personnes âgées", "à revoir"]]
GUESSED = ["country", "title", "activity_type", "lead_agency", "guarantees", ""]


def posted(fields: list[str]) -> dict[str, str]:
    return {f"column_{index}": name for index, name in enumerate(fields)}


@pytest.fixture
def mapping_page(secretariat_client):
    basics()
    job_url = upload(secretariat_client, csv_bytes(ROWS, header=HEADER), "partenaire.csv").url
    return secretariat_client.get(job_url, follow=True)


def test_it_asks_what_the_columns_of_a_partners_file_hold(mapping_page):
    job = ImportJob.objects.get()
    assert (job.status, mapping_page.redirect_chain[-1][0]) == (
        ImportStatus.MAPPING,
        reverse("imports:columns", args=[job.pk]),
    )
    assert "Étude des pensions" in mapping_page.content.decode()


def test_it_prefills_the_guesses_from_headers_and_values(mapping_page):
    form = mapping_page.context["form"]
    assert [form[f"column_{index}"].initial for index in range(len(HEADER))] == GUESSED


def test_it_imports_the_file_as_mapped_with_the_list_of_guarantees(
    secretariat_client, mapping_page
):
    job = ImportJob.objects.get()
    secretariat_client.post(reverse("imports:columns", args=[job.pk]), posted(GUESSED))
    secretariat_client.post(reverse("imports:apply", args=[job.pk]))
    activity = Activity.objects.get()
    assert (activity.title, activity.covers_health, activity.covers_older_persons) == (
        "Étude des pensions",
        True,
        True,
    )
    assert (activity.covers_children, activity.covers_working_age) == (False, False)


def test_it_lists_the_ignored_column_on_the_preview(secretariat_client, mapping_page):
    job = ImportJob.objects.get()
    secretariat_client.post(reverse("imports:columns", args=[job.pk]), posted(GUESSED))
    page = secretariat_client.get(reverse("imports:job", args=[job.pk])).content.decode()
    assert "Columns not imported: <strong>Remarques</strong>." in page


def test_it_offers_the_mapping_again_for_the_next_file(secretariat_client, mapping_page):
    job = ImportJob.objects.get()
    secretariat_client.post(reverse("imports:columns", args=[job.pk]), posted(GUESSED))
    upload(secretariat_client, csv_bytes(ROWS, header=HEADER), "partenaire-juillet.csv")
    again = ImportJob.objects.latest("pk")
    assert (again.status, again.mapping_source) == (ImportStatus.PREVIEWED, "saved")
    assert ImportMapping.objects.get().fields == GUESSED


def test_it_offers_a_mapping_to_the_rest_of_the_agency(client, member_a, agency_a):
    from tests.factories import make_member

    make_country("VN")
    header = ["Pays", "Intitulé de l'activité", "Type d'activité", "Agence chef de file"]
    ImportJob.objects.all().delete()
    client.force_login(member_a)
    upload(client, csv_bytes([["VNM", "T", "Study", "AGA"]], header=header), "a.csv")
    job = ImportJob.objects.get()
    client.post(reverse("imports:columns", args=[job.pk]), posted(GUESSED[:4]))
    client.force_login(make_member(agency_a))
    upload(client, csv_bytes([["VNM", "T2", "Study", "AGA"]], header=header), "b.csv")
    assert ImportJob.objects.latest("pk").mapping_source == "saved"


def test_it_refuses_two_columns_mapped_to_one_field(secretariat_client, mapping_page):
    job = ImportJob.objects.get()
    response = secretariat_client.post(
        reverse("imports:columns", args=[job.pk]), posted([*GUESSED[:5], "title"])
    )
    assert "Two columns are mapped to “Title”: keep one, ignore the other." in (
        response.content.decode()
    )
    assert ImportJob.objects.get().status == ImportStatus.MAPPING


def test_it_refuses_a_mapping_of_no_column(secretariat_client, mapping_page):
    job = ImportJob.objects.get()
    response = secretariat_client.post(reverse("imports:columns", args=[job.pk]), posted([""] * 6))
    assert "No column is mapped to a hub field" in response.content.decode()
    assert not ImportMapping.objects.exists()


def test_it_names_the_required_columns_left_unmapped(secretariat_client, mapping_page):
    job = ImportJob.objects.get()
    response = secretariat_client.post(
        reverse("imports:columns", args=[job.pk]), posted(["", *GUESSED[1:]])
    )
    assert "Required columns are missing: Country code." in response.content.decode()


def test_it_hides_the_mapping_step_of_another_persons_job(member_a_client, secretariat):
    job = ImportJob.objects.create(user=secretariat, file_name="x.csv", file_data=b"x")
    assert member_a_client.get(reverse("imports:columns", args=[job.pk])).status_code == 404


def test_it_hides_the_choices_of_another_persons_job(member_a_client, secretariat):
    job = ImportJob.objects.create(user=secretariat, file_name="x.csv", file_data=b"x")
    response = member_a_client.post(reverse("imports:decide", args=[job.pk]), {"new_rows": "1"})
    assert response.status_code == 404
