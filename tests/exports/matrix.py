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
