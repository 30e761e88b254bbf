"""The results downloads (CSV, XLSX, ODS, HXL): one row per value with its keys, its parts
as columns, formula-safe; each reader gets what the pages show them (anonymous: approved
values only); the filters narrow it, and a filter naming nothing is a 400."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.exports.matrix import body, read_hxl, read_ods, read_xlsx
from tests.results.open_data_world import FORMULA, build_results

pytestmark = pytest.mark.django_db
URL = reverse("results_data:download")


@pytest.fixture
def world(agency_a, agency_b):
    return build_results(agency_a, agency_b)


def csv_rows(response) -> list[dict]:
    text = body(response).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def download(client, query: str) -> list[dict]:
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200, response.content
    fmt = query.split("format=")[1].split("&")[0]
    return {"csv": csv_rows, "xlsx": read_xlsx, "ods": read_ods}[fmt](response)


# persona -> the (reference, indicator code) pairs it gets
SEES = {
    "anonymous": {"approved"},
    "viewer": {"approved"},
    "member_a": {"approved", "draft"},
    "member_b": {"approved", "submitted"},
    "secretariat": {"approved", "draft", "submitted"},
    "superuser": {"approved", "draft", "submitted"},
}


@pytest.mark.parametrize("persona_client", list(SEES), indirect=True)
def test_each_persona_gets_the_values_the_pages_show_them(request, persona_client, world):
    persona = request.node.callspec.params["persona_client"]
    rows = download(persona_client, "format=csv")
    keys = {(row["Activity reference"], row["Indicator code"], row["Period"]) for row in rows}
    names = {
        "approved": (world.costing.reference, "PEOPLE-NEW", "2026 H1"),
        "draft": (world.costing.reference, "SDG-1.3.1", "2026 H1"),
        "submitted": (world.law.reference, "PEOPLE-NEW", "2025 H2"),
    }
    assert keys == {names[name] for name in SEES[persona]}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_a_row_holds_the_value_its_keys_its_parts_and_its_status(client, world, fmt):
    (row,) = download(client, f"format={fmt}")
    assert row["Country code"] == "VNM"
    assert row["Indicator code"] == "PEOPLE-NEW"
    assert Decimal(str(row["Value"])) == 12400
    assert Decimal(str(row["Sex: Women and girls"])) == 7000
    assert Decimal(str(row["Sex: Men and boys"])) == 5400
    assert Decimal(str(row["Target"])) == 20000
    assert row["Status"] == "Approved"
    assert "Age group: Children" not in row  # no value is split by age


def test_the_csv_guards_formulas_and_the_xlsx_keeps_them_as_text(client, world):
    (row,) = download(client, "format=csv")
    assert row["Comment"] == "'" + FORMULA
    (row,) = download(client, "format=xlsx")
    assert row["Comment"] == FORMULA  # a typed string cell: never run


def test_the_filters_narrow_the_values(secretariat_client, world):
    def keys(query: str) -> set[str]:
        rows = download(secretariat_client, f"format=csv&{query}")
        return {row["Value"] for row in rows}

    assert keys("country=SEN") == {"300"}
    assert keys("country=vn") == {"12400", "45.5"}
    assert keys("agency=AGB") == {"300"}
    assert keys("indicator=SDG-1.3.1") == {"45.5"}
    assert keys("period=2025 H2") == {"300"}
    assert keys("agency=AGA&indicator=PEOPLE-NEW") == {"12400"}


@pytest.mark.parametrize(
    "query", ["country=XXX", "agency=NOPE", "indicator=NOPE", "period=1999", "format=pdf"]
)
def test_a_filter_naming_nothing_is_a_400_naming_it(client, world, query):
    response = client.get(f"{URL}?format=csv&{query}".replace("format=csv&format=", "format="))
    assert response.status_code == 400
    name = query.split("=")[0]
    assert name in response.content.decode() or "pdf" in response.content.decode()


def test_the_hxl_file_is_read_by_libhxl_and_filtered_by_indicator(secretariat_client, world):
    response = secretariat_client.get(f"{URL}?format=hxl")
    assert response.status_code == 200
    data = read_hxl(response)
    people = list(data.with_rows("#indicator+code=PEOPLE-NEW"))
    assert {row.get("#activity+code") for row in people} == {
        world.costing.reference,
        world.law.reference,
    }
    coverage = list(read_hxl(secretariat_client.get(f"{URL}?format=hxl")).with_rows(
        "#indicator+code=SDG-1.3.1"
    ))  # fmt: skip
    assert [row.get("#indicator+value+num") for row in coverage] == ["45.5"]
    # People counts are #reached (3W tools sum them), percentages are not.
    assert coverage[0].get("#reached") in ("", None)
    approved = next(row for row in people if row.get("#country+code") == "VNM")
    assert approved.get("#reached+num") == "12400"
    assert approved.get("#targeted+num") == "20000"
    assert approved.get("#indicator+value+f") == "7000"
    assert approved.get("#indicator+value+sex+m") == "5400"
    # HXL is for machines: the formula-looking comment comes as written.
    assert approved.get("#description") == FORMULA


def test_the_hxl_file_tags_the_age_groups_as_hxl_does(client, world):
    from results.models import ValuePart

    ValuePart.objects.create(result=world.approved, dimension="age", category="older", value=9)
    data = read_hxl(client.get(f"{URL}?format=hxl"))
    (row,) = list(data)
    assert row.get("#indicator+value+elderly") == "9"
    assert row.get("#indicator+value+age+children") is None  # no such column


def test_the_xlsx_explains_each_column(client, world):
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(body(client.get(f"{URL}?format=xlsx"))))
    assert len(book.sheetnames) == 2
    about = [row[0] for row in book.worksheets[1].iter_rows(values_only=True)]
    assert "Indicator code" in about


def queries_of(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        body(client.get(f"{URL}?format=csv"))
    return len(captured)


def test_the_download_reads_as_many_queries_for_many_values_as_for_few(secretariat_client, world):
    import datetime

    from results.models import ReportingPeriod, ResultValue, ValuePart

    few = queries_of(secretariat_client)
    for month in range(1, 13):
        period = ReportingPeriod.objects.create(
            label=f"2024-{month:02d}",
            start=datetime.date(2024, month, 1),
            end=datetime.date(2024, month, 28),
        )
        value = ResultValue.objects.create(
            activity_indicator=world.costing_people, period=period, value=month
        )
        ValuePart.objects.create(result=value, dimension="sex", category="f", value=month)
    assert queries_of(secretariat_client) == few
