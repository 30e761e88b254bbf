"""Dates as partners write them: the file's day/month order, months alone, month names in
French and Spanish, a year typed as a number."""

import datetime

import pytest

from activities.models import Activity
from imports.dates import DAY_FIRST, MONTH_FIRST, file_order, read_date
from tests.imports.helpers import basics, csv_bytes, errors, preview, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HEADER = ["Country code", "Title", "Type", "Lead agency", "Start date", "End date"]


def rows(*dates: tuple[str, str]) -> bytes:
    return csv_bytes(
        [
            ["VNM", f"Activity {n}", "Study", "ILO", start, end]
            for n, (start, end) in enumerate(dates)
        ],
        header=HEADER,
    )


@pytest.mark.parametrize(
    "written, expected",
    [
        ("31 mai 2012", datetime.date(2012, 5, 31)),
        ("1er juin 2012", datetime.date(2012, 6, 1)),
        ("31 de mayo de 2012", datetime.date(2012, 5, 31)),
        ("sept. 2012", datetime.date(2012, 9, 1)),
        ("June 2012", datetime.date(2012, 6, 1)),
        ("2012-06", datetime.date(2012, 6, 1)),
        ("06/2012", datetime.date(2012, 6, 1)),
        ("2012", datetime.date(2012, 1, 1)),
        (2012.0, datetime.date(2012, 1, 1)),
        ("31/05/12", datetime.date(2012, 5, 31)),
    ],
)
def test_it_reads_a_start_date_as_people_write_it(written, expected):
    assert read_date(written) == expected


@pytest.mark.parametrize("written", ["June 2012", "2012-06", "06/2012", "juin 2012"])
def test_it_reads_a_month_alone_as_its_last_day_for_an_end(written):
    assert read_date(written, end=True) == datetime.date(2012, 6, 30)


def test_it_decides_the_order_from_the_dates_that_tell():
    assert file_order(["03/04/2012", "05/31/2012"]).order == MONTH_FIRST
    assert file_order(["03/04/2012", "31/05/2012"]).order == DAY_FIRST


def test_it_reads_a_month_first_file_month_first(secretariat):
    basics()
    job = run(secretariat, rows(("03/04/2012", ""), ("05/31/2012", "")))
    assert sorted(Activity.objects.values_list("start_date", flat=True)) == [
        datetime.date(2012, 3, 4),
        datetime.date(2012, 5, 31),
    ]
    assert job.preview["dates"] == [MONTH_FIRST, "05/31/2012"]


def test_it_says_how_it_read_the_dates(secretariat_client):
    from tests.imports.helpers import upload

    basics()
    url = upload(secretariat_client, rows(("03/04/2012", ""), ("31/05/2012", ""))).url
    page = secretariat_client.get(url).content.decode()
    assert "are read day first (3 April), as “31/05/2012” in this file shows" in page


def test_it_names_a_date_that_breaks_the_files_order(secretariat):
    basics()
    job = preview(secretariat, rows(("05/31/2012", ""), ("06/30/2012", "13/07/2012")))
    assert errors(job) == [
        "row 3, End date: “13/07/2012” is not a date written month first, as this file's "
        "dates are (“05/31/2012”)."
    ]


def test_it_shows_a_number_as_typed(secretariat):
    basics()
    job = preview(secretariat, rows(("2012", "1899")))
    assert errors(job) == [
        "row 2, End date: “1899” is not a date: write it as 2012-05-31, 31/05/2012 or 31 May 2012."
    ]
