"""A small matrix to export, and readers for the downloaded files."""

import csv
import datetime
import io

import openpyxl

from activities.models import Activity, Role
from tests.factories import make_activity, make_agency, make_country, make_focal_point


def small_matrix() -> list[Activity]:
    ilo, unicef, who = make_agency("ILO"), make_agency("UNICEF"), make_agency("WHO")
    viet_nam, senegal = make_country("VN"), make_country("SN", region="africa")
    person = make_focal_point(ilo, viet_nam, name="Ana Ruiz", email="ana@example.org")
    return [
        make_activity(
            country=viet_nam,
            title="Costing the floor",
            agencies={ilo: Role.LEAD, unicef: Role.PARTNER, who: Role.PARTNER},
            focal_point=person,
            covers_health=True,
            end_date=datetime.date(2013, 6, 30),
        ),
        make_activity(country=senegal, title="Pension law", agencies={unicef: Role.LEAD}),
        make_activity(country=senegal, title="Not exported", agencies={who: Role.LEAD}),
    ]


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def read_csv(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))


def read_xlsx(response) -> list[dict]:
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def ods_sheets(response) -> list:
    """The sheets of an ODS download, read by tablib (which reads ODS through odfpy)."""
    import tablib

    book = tablib.Databook()
    book.load(body(response), format="ods")
    return book.sheets()


def read_ods(response) -> list[dict]:
    return [dict(row) for row in ods_sheets(response)[0].dict]


def read_hxl(response):
    """The HXL download as a libhxl dataset (HXL's own reader finds the hashtag row)."""
    import hxl

    return hxl.data(io.BytesIO(body(response)))


def lists_world() -> dict:
    """Activities in two countries with ILO leading some, partnering in another."""
    ilo, who, unicef = make_agency("ILO"), make_agency("WHO"), make_agency("UNICEF")
    viet_nam, peru = make_country("VN"), make_country("PE", region="americas")
    make_activity(viet_nam, {ilo: Role.LEAD, who: Role.PARTNER}, title="Costing")
    make_activity(viet_nam, {unicef: Role.LEAD, ilo: Role.FUNDER}, title="Child grant")
    make_activity(peru, {ilo: Role.LEAD, unicef: Role.CO_LEAD}, title="Andes pensions")
    make_activity(peru, {who: Role.LEAD}, title="Health floor")
    return {"ilo": ilo, "who": who, "viet_nam": viet_nam, "peru": peru}


def page_references(client, url: str, query: str = "") -> list[str]:
    """The references a list page shows, all its pages included, in its order."""
    response = client.get(f"{url}?{query}")
    assert response.status_code == 200
    return [activity.reference for activity in response.context["page"].paginator.object_list]


def read_download(response, fmt: str) -> list[dict]:
    return {"csv": read_csv, "xlsx": read_xlsx, "ods": read_ods}[fmt](response)


def ods_texts(response) -> list[list[str]]:
    """The first sheet's cells as text, read with odfpy (tablib keeps only a cell's first
    line)."""
    from odf import teletype
    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    sheet = load(io.BytesIO(body(response))).getElementsByType(Table)[0]
    return [
        [
            "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P))
            for cell in row.getElementsByType(TableCell)
        ]
        for row in sheet.getElementsByType(TableRow)
    ]
