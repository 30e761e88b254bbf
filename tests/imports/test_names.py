"""Names as people write them: countries, agencies, dates, statuses and types."""

import datetime

import pytest

from activities.models import Activity, ActivityStatus
from imports.models import ImportStatus
from tests.factories import make_agency, make_country
from tests.imports.helpers import csv_bytes, errors, preview, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HEADER = ["Country", "Title", "Type", "Status", "Start date", "Lead agency"]


@pytest.fixture
def world(db):
    for code, region in [
        ("VN", "asia-pacific"),
        ("LA", "asia-pacific"),
        ("CI", "africa"),
        ("CV", "africa"),
        ("SN", "africa"),
    ]:
        make_country(code, region=region)
    make_agency("ILO")
    make_agency("UN Women", name="United Nations Entity for Gender Equality")
    make_agency("UN-Habitat", name="United Nations Human Settlements Programme")


def one_row(user, **cells) -> Activity:
    values = {
        "Country": "VNM",
        "Title": "T",
        "Type": "Study",
        "Status": "",
        "Start date": "",
        "Lead agency": "ILO",
        **cells,
    }
    job = run(user, csv_bytes([[values[h] for h in HEADER]], header=HEADER))
    assert job.status == ImportStatus.APPLIED, errors(job) or job.error
    return Activity.objects.get()


@pytest.mark.parametrize(
    "written, code",
    [
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("VN", "VN"),
        ("vnm", "VN"),
        ("Lao PDR", "LA"),
        ("Laos", "LA"),
        ("LAO", "LA"),
        ("Cote d'Ivoire", "CI"),
        ("Côte d\u2019Ivoire", "CI"),
        ("CIV", "CI"),
        ("Cabo Verde", "CV"),
        ("Cape Verde", "CV"),
        ("Sénégal", "SN"),
    ],
)
def test_it_knows_a_country_by_any_common_name(world, secretariat, written, code):
    assert one_row(secretariat, Country=written).country.code == code


@pytest.mark.parametrize(
    "written, acronym",
    [
        ("UN Women", "UN Women"),
        ("UNWomen", "UN Women"),
        ("un women", "UN Women"),
        ("UN-Habitat", "UN-Habitat"),
        ("UNHabitat", "UN-Habitat"),
        ("United Nations Human Settlements Programme", "UN-Habitat"),
    ],
)
def test_it_knows_an_agency_by_acronym_name_or_variant(world, secretariat, written, acronym):
    activity = one_row(secretariat, **{"Lead agency": written})
    assert activity.participations.get().agency.acronym == acronym


@pytest.mark.parametrize(
    "written",
    [
        "2012-05-31",
        "31/05/2012",
        "31 May 2012",
        "31 may 2012",
        "May 31, 2012",
        "31.05.2012",
        "41060",
    ],
)
def test_it_reads_dates_as_people_write_them(world, secretariat, written):
    activity = one_row(secretariat, **{"Start date": written})
    assert activity.start_date == datetime.date(2012, 5, 31)


@pytest.mark.parametrize("written", ["planned", "PLANNED", "Planned", " planned "])
def test_it_reads_statuses_in_any_case(world, secretariat, written):
    assert one_row(secretariat, Status=written).status == ActivityStatus.PLANNED


@pytest.mark.parametrize("language", ["fr", "es"])
def test_it_reads_statuses_in_another_site_language(world, secretariat, language):
    from django.utils import translation

    with translation.override(language):
        written = str(ActivityStatus.SUSPENDED.label).upper()
    assert one_row(secretariat, Status=written).status == ActivityStatus.SUSPENDED


def test_it_suggests_the_country_that_was_probably_meant(world, secretariat):
    job = preview(secretariat, csv_bytes([["Vietnan", "T", "Study", "", "", "ILO"]], header=HEADER))
    assert errors(job) == [
        "row 2, Country: Unknown country “Vietnan”: use its ISO code (e.g. VNM) or its name. "
        "Did you mean “Viet Nam”?"
    ]


def test_it_suggests_the_agency_and_type_that_were_probably_meant(world, secretariat):
    job = preview(secretariat, csv_bytes([["VNM", "T", "Studdy", "", "", "UNWomn"]], header=HEADER))
    assert "Did you mean “Study or assessment”?" in errors(job)[0]
    assert errors(job)[1].endswith("Unknown agency “UNWomn”. Did you mean “UN Women”?")


def test_it_names_row_column_and_value_of_a_bad_date(world, secretariat):
    job = preview(
        secretariat, csv_bytes([["VNM", "T", "Study", "", "31/13/2012", "ILO"]], header=HEADER)
    )
    assert errors(job) == [
        "row 2, Start date: “31/13/2012” is not a date: write it as 2012-05-31, 31/05/2012 "
        "or 31 May 2012."
    ]
    assert not Activity.objects.exists()
