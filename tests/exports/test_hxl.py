"""The HXL download read by libhxl, the HXL standard's own library: filtering it by tag
gives exactly the rows the matrix page shows for the same filter."""

import pytest
from django.urls import reverse

from tests.exports.matrix import lists_world, page_references, read_hxl

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def world(db):
    return lists_world()


def hxl_export(client, fmt: str = "hxl"):
    response = client.get(reverse("activities:matrix_export"), {"format": fmt})
    assert response.status_code == 200
    return read_hxl(response)


def references(rows) -> list[str]:
    return [row.get("#meta+id") for row in rows]


def test_it_filters_by_lead_agency_like_the_matrix(client, world):
    shown = page_references(client, reverse("activities:matrix"), "agency=ILO&agency_role=lead")
    found = references(hxl_export(client).with_rows("#org+lead=ILO"))
    assert len(shown) == 2
    assert sorted(found) == sorted(shown)


def test_it_filters_by_country_code_like_the_matrix(client, world):
    shown = page_references(client, reverse("activities:matrix"), "country=VNM")
    found = references(hxl_export(client).with_rows("#country+code=VNM"))
    assert len(shown) == 2
    assert sorted(found) == sorted(shown)


def test_it_filters_the_long_shape_by_lead_agency_like_the_matrix(client, world):
    shown = page_references(client, reverse("activities:matrix"), "agency=ILO&agency_role=lead")
    leads = hxl_export(client, "hxl-long").with_rows("#org+name=ILO").with_rows("#meta+role=lead")
    assert sorted(references(leads)) == sorted(shown)


def test_it_uses_hxl_core_hashtags(client, world):
    tags = hxl_export(client).display_tags
    assert {"#meta+id", "#country+code", "#country+name", "#region+name", "#activity+name"} <= set(
        tags
    )
    assert {"#org+prog+lead+name", "#org+impl+name", "#org+funder+name", "#status"} <= set(tags)


@pytest.mark.parametrize("fmt", ["hxl", "hxl-long"])
def test_it_leaves_sector_to_its_cluster_meaning(client, world, fmt):
    # 3W tools read #sector and #subsector as humanitarian clusters: the kind of work and
    # the R202 guarantees have tags of their own.
    tags = hxl_export(client, fmt).display_tags
    assert not {tag for tag in tags if tag.startswith(("#sector", "#subsector"))}
    assert {"#activity+type", "#beneficiary+guarantee"} <= set(tags)


def test_it_names_every_agency_under_org_name(client, world):
    # #org+name matches every agency column: ILO leads two, funds one.
    found = references(hxl_export(client).with_rows("#org+name=ILO"))
    shown = page_references(client, reverse("activities:matrix"), "agency=ILO")
    assert sorted(found) == sorted(shown)
    assert len(found) == 3


def test_it_leaves_contacts_out_for_anonymous_readers(client, viewer, world):
    anonymous = hxl_export(client).display_tags
    client.force_login(viewer)
    assert "#contact+email" not in anonymous
    assert "#contact+email" in hxl_export(client).display_tags
