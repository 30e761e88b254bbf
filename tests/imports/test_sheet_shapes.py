"""What a partner's sheet holds besides its table: total and note lines under the data (left
out and listed), a read-me sheet (the page says which sheet it read and offers the others),
and rows whose cells a list typed without quotes shifted right (found, never cut, realigned
on the person's word)."""

import io

import openpyxl
import pytest

from activities.models import Activity, Role
from imports.models import ImportJob, ImportStatus
from tests.factories import make_agency, make_country, make_secretariat
from tests.imports.helpers import csv_bytes, errors, preview

pytestmark = pytest.mark.django_db

HEADER = ["Country", "Title", "Type", "Lead agency", "Partner agencies", "Guarantees", "Status"]


@pytest.fixture
def world(db):
    make_country("MZ")
    return make_agency("ILO"), make_agency("UNICEF"), make_agency("WHO")


def apply(client, job: ImportJob) -> ImportJob:
    client.post(f"/import/{job.pk}/apply/")
    job.refresh_from_db()
    return job


def test_total_and_source_lines_under_the_data_are_left_out_and_listed(world):
    data = csv_bytes(
        [
            ["MOZ", "Social pension study", "Study", "ILO", "UNICEF", "Older persons", "Ongoing"],
            ["MOZ", "Child grant pilot", "Pilot", "UNICEF", "", "Children", "Planned"],
            ["Total", "2", "", "", "", "", ""],
            ["Source: partners' reports, March 2012", "", "", "", "", "", ""],
        ],
        header=HEADER,
    )
    job = preview(make_secretariat(), data)
    assert errors(job) == []
    assert job.new_count == 2
    assert job.preview["not_read"] == [
        [4, "total", "Total 2"],
        [5, "note", "Source: partners' reports, March 2012"],
    ]


def test_an_activity_titled_like_a_note_is_still_an_activity(world):
    header = ["Title", "Country", "Type", "Lead agency"]
    data = csv_bytes([["Sources of financing study", "MOZ", "Study", "ILO"]], header=header)
    job = preview(make_secretariat(), data)
    assert (job.new_count, job.preview["not_read"]) == (1, [])


def workbook(sheets: dict[str, list[list]]) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


READ_ME = [["Léame"], ["Complete una fila por actividad."], ["Gracias."]]
DATA = [
    ["Actividades del piso de protección social, 2012"],
    ["País", "Título", "Tipo de actividad", "Agencia líder"],
    ["Mozambique", "Estudio de pensiones", "Estudio", "OIT"],
]


def test_the_page_says_which_sheet_it_read_and_reads_another_on_request(world, client):
    ilo = world[0]
    ilo.name_variants = "OIT"
    ilo.save()
    person = make_secretariat()
    client.force_login(person)
    data = workbook({"Léame": READ_ME, "Datos": DATA})
    client.post("/import/", {"file": _upload(data)})
    job = ImportJob.objects.get()
    assert (job.preview["sheet"], job.preview["sheets"]) == ("Datos", ["Léame", "Datos"])
    page = client.get(f"/import/{job.pk}/", follow=True).content.decode()
    assert '<option value="Datos" selected>' in page
    client.post(f"/import/{job.pk}/reading/", {"sheet": "Léame"})
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "The sheet “Léame” has no header row" in job.error
    assert job.preview["sheets"] == ["Léame", "Datos"]
    client.post(f"/import/{job.pk}/reading/", {"sheet": "Datos"})
    job.refresh_from_db()
    assert job.status in (ImportStatus.MAPPING, ImportStatus.PREVIEWED)
    assert job.preview["sheet"] == "Datos"


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("socios.xlsx", data)


def semicolon_file(lines: list[str]) -> bytes:
    return "\n".join([";".join(HEADER), *lines]).encode()


def test_a_row_shifted_by_an_unquoted_list_is_named_then_realigned_on_request(world, client):
    ilo, unicef, who = world
    person = make_secretariat()
    client.force_login(person)
    data = semicolon_file(
        [
            "MOZ;Social pension study;Study;ILO;UNICEF; WHO;Older persons;Ongoing",
            "MOZ;Child grant pilot;Pilot;UNICEF;;Children;Planned",
        ]
    )
    job = preview(person, data)
    assert errors(job) == [
        "row 2, Partner agencies: This row seems shifted 1 column right from “Partner agencies” "
        "(a list typed without quotes?): realign it to read these cells as one list."
    ]
    shifted = job.preview["rows"][0]
    assert shifted["shifted"] == [4, 1]
    assert shifted["errors"][0][1] == "UNICEF; WHO"
    client.post(f"/import/{job.pk}/reading/", {"realign_rows": "1", "realign": ["2"]})
    job.refresh_from_db()
    assert (job.error_count, job.new_count, job.preview["realigned"]) == (0, 2, [2])
    job = apply(client, job)
    study = Activity.objects.get(title="Social pension study")
    assert dict(study.participations.values_list("agency_id", "role")) == {
        ilo.pk: Role.LEAD,
        unicef.pk: Role.PARTNER,
        who.pk: Role.PARTNER,
    }
    assert study.covers_older_persons and study.status == "ongoing"


def test_cells_past_the_last_column_are_never_dropped_silently(world):
    data = semicolon_file(["MOZ;Study;Study;ILO;;;Ongoing;see annex"])
    job = preview(make_secretariat(), data)
    assert errors(job) == [
        "row 2, (past the last column): This row has cells past the last column: they are not "
        "read. Put each cell under its header."
    ]
