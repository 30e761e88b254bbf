import csv
import datetime
import io

from django.urls import reverse
from openpyxl import load_workbook

URL = reverse("countries:assessments_export")


def _xlsx_rows(response) -> list[tuple]:
    book = load_workbook(io.BytesIO(response.content))
    return list(book.worksheets[0].iter_rows(values_only=True))


def test_it_downloads_one_row_per_country_and_criterion_with_real_dates(member_a_client, assessed):
    rows = _xlsx_rows(member_a_client.get(URL + "?format=xlsx"))
    assert rows[1][:6] == (
        "VNM",
        "Viet Nam",
        "Asia and the Pacific",
        1,
        "A country request exists",
        "Met",
    )
    assert len(rows) == 5 and rows[1][7] == datetime.datetime(2012, 5, 31)


def test_it_follows_the_ranking_with_score_rank_and_weight(member_a_client, assessed):
    rows = _xlsx_rows(member_a_client.get(URL + "?format=xlsx"))
    assert [(row[0], row[10], row[11]) for row in rows[1:]] == [
        ("VNM", 100, 1),
        ("VNM", 100, 1),
        ("BEN", 75, 2),
        ("BEN", 75, 2),
    ]
    assert {row[8] for row in rows[1:]} == {1}


def test_it_follows_the_sort_by_name(member_a_client, assessed):
    rows = _xlsx_rows(member_a_client.get(URL + "?format=xlsx&sort=name"))
    assert [row[0] for row in rows[1:]] == ["BEN", "BEN", "VNM", "VNM"]


def test_it_marks_evidence_to_check(member_a_client, assessed):
    rows = _xlsx_rows(member_a_client.get(URL + "?format=xlsx"))
    assert [row[9] for row in rows[1:3]] == ["older than a year", "missing"]


def test_it_keeps_the_language_filter(member_a_client, assessed):
    rows = _xlsx_rows(member_a_client.get(URL + "?format=xlsx&language=fr"))
    assert {row[0] for row in rows[1:]} == {"BEN"}
    assert rows[1][12] == "French"


def test_it_explains_the_columns_on_a_second_sheet(member_a_client, assessed):
    book = load_workbook(io.BytesIO(member_a_client.get(URL + "?format=xlsx").content))
    about = {row[0]: row[2] for row in book.worksheets[1].iter_rows(values_only=True)}
    assert about["Rating"] == "Met; Partly met; Not met; Not known yet"


def test_it_neutralises_formulas_in_comments(member_a_client, assessed):
    response = member_a_client.get(URL + "?format=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    notes = [row[6] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x")' in notes


def test_it_keeps_the_region_filter(member_a_client, assessed):
    rows = _xlsx_rows(member_a_client.get(URL + "?format=xlsx&region=asia-pacific"))
    assert {row[0] for row in rows[1:]} == {"VNM"}


def test_it_names_an_unknown_format(member_a_client, assessed):
    response = member_a_client.get(URL + "?format=pdf")
    assert response.status_code == 400
    assert "“pdf”: use one of csv, xlsx, ods" in response.content.decode()


def test_it_never_puts_ratings_in_the_country_s_activity_export(client, assessed):
    response = client.get(reverse("countries:export", args=["VN"]) + "?format=csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Request letter" not in content
    assert "Rating" not in content
