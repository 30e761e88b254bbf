"""Every activity download names the country's ILO region, next to the country."""

import pytest

from activities.exports import export_response
from activities.models import Activity
from tests.exports.matrix import read_download, read_hxl, small_matrix

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture(autouse=True)
def matrix(db):
    return small_matrix()


def download(fmt: str):
    queryset = Activity.objects.order_by("title")
    return export_response(queryset, fmt, include_contacts=False, filename="m")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_it_names_the_ilo_region_after_the_country(fmt):
    rows = read_download(download(fmt), fmt)
    regions = {row["Country"]: row["Region"] for row in rows}
    assert regions == {"Viet Nam": "Asia and the Pacific", "Senegal": "Africa"}
    assert list(rows[0]).index("Region") == list(rows[0]).index("Country") + 1


@pytest.mark.parametrize("fmt", ["hxl", "hxl-long"])
def test_it_tags_the_region_as_an_hxl_region(fmt):
    regions = {row.get("#country+code"): row.get("#region+name") for row in read_hxl(download(fmt))}
    assert regions == {"VNM": "Asia and the Pacific", "SEN": "Africa"}
