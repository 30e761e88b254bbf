"""The admin's XLSX downloads come from the hub's writer: a phone number shows as typed, in a
string cell, not behind the apostrophe a formula-running writer needs."""

import io

import openpyxl
import pytest
from django.urls import reverse

from agencies.models import FocalPoint
from agencies.resources import FocalPointResource
from tests.factories import make_agency, make_country, make_focal_point

pytestmark = pytest.mark.django_db


def admin_xlsx(client, url: str, resource) -> openpyxl.worksheet.worksheet.Worksheet:
    # format 1 is XLSX (0 is CSV); every field of the resource ticked, as the page does.
    prefix = resource.__class__.__name__.lower()
    fields = {f"{prefix}_{name}": "on" for name in resource.get_export_order()}
    response = client.post(reverse(url), {"format": "1", "resource": "0", **fields})
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def test_it_shows_a_phone_number_as_typed(superuser_client):
    make_focal_point(make_agency("ILO"), make_country("VN"), phone="+41 22 799 6111")
    sheet = admin_xlsx(superuser_client, "admin:agencies_focalpoint_export", FocalPointResource())
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    phone = next(cell for cell in cells if cell.value and "799" in str(cell.value))
    assert (phone.value, phone.data_type) == ("+41 22 799 6111", "s")


def test_it_keeps_a_formula_lookalike_as_text(superuser_client):
    make_focal_point(make_agency("ILO"), name='=HYPERLINK("x")')
    sheet = admin_xlsx(superuser_client, "admin:agencies_focalpoint_export", FocalPointResource())
    names = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert names == ['=HYPERLINK("x")'] and FocalPoint.objects.count() == 1
    assert sheet.cell(2, 1).data_type == "s"  # text, never a formula
