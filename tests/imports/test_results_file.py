"""A results file through the import: the preview names each bad cell (row, column, reason)
and writes nothing; the apply writes every row or none; a second import of the same file
changes nothing; a file downloaded from the hub, corrected and sent back changes exactly the
corrected cells; members report on their agencies' activities only."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from imports.models import ImportStatus
from results.models import ActivityIndicator, ResultValue, ReviewStatus, ValuePart
from tests.imports.helpers import csv_bytes, errors, preview, run, upload, xlsx_bytes
from tests.results.open_data_world import build_results

pytestmark = pytest.mark.django_db

HEADER = ["Activity reference", "Country code", "Indicator code", "Period", "Value",
          "Sex: Women and girls", "Sex: Men and boys", "Comment"]  # fmt: skip


@pytest.fixture
def world(agency_a, agency_b):
    return build_results(agency_a, agency_b)


def file(rows, header=HEADER) -> bytes:
    return csv_bytes(rows, header=header)


def test_a_new_value_with_its_parts_is_previewed_then_applied_as_a_draft(member_a, world):
    rows = [[world.costing.reference, "VNM", "SDG-1.3.1-children", "2026 H1", "61.5", "60",
             "63", "From the survey"]]  # fmt: skip
    job = preview(member_a, file(rows))
    assert errors(job) == []
    assert (job.new_count, job.changed_count, job.preview["kind"]) == (1, 0, "results")
    assert not ActivityIndicator.objects.filter(indicator__code="SDG-1.3.1-children").exists()
    job = run(member_a, file(rows))
    assert job.status == ImportStatus.APPLIED
    value = ResultValue.objects.get(activity_indicator__indicator__code="SDG-1.3.1-children")
    assert (value.value, value.status, value.comment) == (
        Decimal("61.5"),
        ReviewStatus.DRAFT,
        "From the survey",
    )
    assert value.country_id is None  # the activity's own country: the whole activity
    parts = dict(value.parts.values_list("category", "value"))
    assert parts == {"f": Decimal(60), "m": Decimal(63)}
    assert value.history.first().history_user == member_a


def test_a_second_import_of_the_same_file_changes_nothing(member_a, world):
    rows = [[world.costing.reference, "VNM", "SDG-1.3.1", "2026 H1", "47", "", "", ""]]
    first = run(member_a, file(rows))
    assert first.changed_count == 1
    versions = list(ResultValue.objects.order_by("pk").values_list("pk", "version"))
    again = run(member_a, file(rows))
    assert (again.new_count, again.changed_count, again.unchanged_count) == (0, 0, 1)
    assert again.status == ImportStatus.PREVIEWED and not again.can_apply
    assert list(ResultValue.objects.order_by("pk").values_list("pk", "version")) == versions


BAD_ROWS = [
    # (row cells after the reference, column named, words of the reason)
    (["VNM", "SDG-1.3.1", "2026 H1", "lots"], "Value", "not a number"),
    (["VNM", "SDG-1.3.1", "2026 H1", "120"], "Value", "between 0 and 100"),
    (["VNM", "PEOPLE-NEW", "2026 H1", "-5"], "Value", "cannot be negative"),
    (["VNM", "NOPE-1", "2026 H1", "5"], "Indicator code", "no indicator"),
    (["VNM", "PEOPLE-NEW", "2025 H2", "5"], "Period", "locked"),
    (["VNM", "PEOPLE-NEW", "1999", "5"], "Period", "no reporting period"),
    (["XXX", "PEOPLE-NEW", "2026 H1", "5"], "Country code", "ISO country code"),
]


@pytest.mark.parametrize(("cells", "column", "reason"), BAD_ROWS)
def test_a_bad_cell_is_named_by_row_column_and_reason_and_nothing_is_saved(
    member_a, world, cells, column, reason
):
    good = [world.costing.reference, "VNM", "SDG-1.3.1", "2026 H1", "50", "", "", ""]
    bad = [world.costing.reference, *cells, "", "", ""]
    before = list(ResultValue.objects.order_by("pk").values_list("pk", "version", "value"))
    job = run(member_a, file([good, bad]))
    (message,) = errors(job)
    assert message.startswith(f"row 3, {column}: ")
    assert reason in message
    assert job.status == ImportStatus.PREVIEWED and not job.can_apply
    assert list(ResultValue.objects.order_by("pk").values_list("pk", "version", "value")) == (
        before
    )


def test_a_member_cannot_report_on_another_agency_s_activity(member_a, world):
    rows = [[world.law.reference, "SEN", "PEOPLE-NEW", "2026 H1", "10", "", "", ""]]
    job = run(member_a, file(rows))
    (message,) = errors(job)
    assert message.startswith("row 2, Activity reference: ")
    assert "AGB" in message
    assert not ResultValue.objects.filter(value=10).exists()


def test_parts_above_the_total_are_refused_naming_the_part(member_a, world):
    rows = [[world.costing.reference, "VNM", "PEOPLE-NEW", "2026 H1", "100", "80", "70", ""]]
    world.approved.status = ReviewStatus.DRAFT
    world.approved.save()
    (message,) = errors(run(member_a, file(rows)))
    assert message.startswith("row 2, Sex: Women and girls: ")


def test_a_member_cannot_change_an_approved_value_but_the_secretariat_can(
    member_a, secretariat, world
):
    rows = [[world.costing.reference, "VNM", "PEOPLE-NEW", "2026 H1", "13000", "7000", "6000",
             world.approved.comment]]  # fmt: skip
    (message,) = errors(run(member_a, file(rows)))
    assert "approved" in message
    job = run(secretariat, file(rows))
    assert job.status == ImportStatus.APPLIED
    world.approved.refresh_from_db()
    assert world.approved.value == 13000
    assert world.approved.status == ReviewStatus.APPROVED


def test_the_hub_s_own_download_comes_back_unchanged_and_one_corrected_cell_changes_only_it(
    secretariat, secretariat_client, world
):
    response = secretariat_client.get(reverse("results_data:download") + "?format=xlsx")
    data = b"".join(response.streaming_content) if response.streaming else response.content
    job = run(secretariat, data, "results.xlsx")
    assert (job.new_count, job.changed_count, job.error_count) == (0, 0, 0)
    assert job.unchanged_count == 3

    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("Indicator code")].value == "SDG-1.3.1":
            row[header.index("Value")].value = 52
    out = io.BytesIO()
    book.save(out)
    job = run(secretariat, out.getvalue(), "results.xlsx")
    assert (job.changed_count, job.unchanged_count) == (1, 2)
    assert job.preview["rows"][0]["changes"] == [["Value", "45.5", "52"]]
    world.draft.refresh_from_db()
    assert world.draft.value == 52
    assert world.approved.parts.count() == 2  # a part the file repeated is kept as it was


def test_a_stale_row_is_refused_naming_the_versions(member_a, world):
    rows = [[world.costing.reference, "VNM", "SDG-1.3.1", "2026 H1", "48", "", "", ""]]
    header = [*HEADER, "Version"]
    world.draft.value = 46
    world.draft.save()  # version 2 now
    (message,) = errors(run(member_a, file([[*rows[0], "1"]], header=header)))
    assert "version 1, now 2" in message


def test_the_hxl_file_imports_by_its_hashtags(secretariat, secretariat_client, world):
    response = secretariat_client.get(reverse("results_data:download") + "?format=hxl")
    data = b"".join(response.streaming_content)
    job = run(secretariat, data, "results.csv")
    assert (job.unchanged_count, job.error_count) == (3, 0)


def test_french_headers_are_read(member_a, world):
    header = ["Référence de l'activité", "Code du pays", "Code de l'indicateur", "Période",
              "Valeur"]  # fmt: skip
    rows = [[world.costing.reference, "VNM", "SDG-1.3.1", "2026 H1", "49,5"]]
    job = run(member_a, file(rows, header=header))
    assert errors(job) == []
    assert job.status == ImportStatus.APPLIED
    world.draft.refresh_from_db()
    assert world.draft.value == Decimal("49.5")


def test_the_page_shows_the_errors_and_offers_no_apply(member_a_client, world):
    rows = [[world.costing.reference, "VNM", "SDG-1.3.1", "2026 H1", "120", "", "", ""]]
    response = upload(member_a_client, xlsx_bytes(rows, header=HEADER), "results.xlsx")
    page = member_a_client.get(response.url).content.decode()
    assert "between 0 and 100" in page
    assert reverse("imports:apply", args=[int(response.url.strip("/").split("/")[-1])]) not in page


def test_the_page_applies_and_says_what_was_added(member_a_client, world):
    rows = [[world.costing.reference, "VNM", "LAW", "2026 H1", "2", "", "", ""]]
    response = upload(member_a_client, file(rows), "results.csv")
    pk = int(response.url.strip("/").split("/")[-1])
    member_a_client.post(reverse("imports:apply", args=[pk]))
    page = member_a_client.get(reverse("imports:job", args=[pk])).content.decode()
    assert "1 result value added" in page
    assert ValuePart.objects.count() == 2  # the world's two, nothing more
    assert ResultValue.objects.filter(activity_indicator__indicator__code="LAW").get().value == 2
    _ = datetime


def test_a_value_changed_in_the_hub_between_preview_and_apply_stops_the_whole_file(member_a, world):
    from imports.jobs import apply_job

    header = [*HEADER, "Version"]
    rows = [
        [world.costing.reference, "VNM", "SDG-1.3.1", "2026 H1", "48", "", "", "", "1"],
        [world.costing.reference, "VNM", "LAW", "2026 H1", "3", "", "", "", ""],
    ]
    job = preview(member_a, file(rows, header=header))
    assert (job.new_count, job.changed_count, job.error_count) == (1, 1, 0)
    world.draft.value = 46
    world.draft.save()  # someone saves version 2 meanwhile
    apply_job(job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED
    assert "nothing was imported" in job.error
    world.draft.refresh_from_db()
    assert world.draft.value == 46
    assert not ResultValue.objects.filter(activity_indicator__indicator__code="LAW").exists()
