"""The IATI file says where each activity happens as IATI reads it: several
recipient-country with shares adding to exactly 100, a region as recipient-region (the
hub's own vocabulary, and the DAC's where a DAC region is the same place), a global
activity as DAC's "developing countries, unspecified"; themes as tags (vocabulary 99);
still valid against the 2.03 schema and IATI's rules."""

from decimal import Decimal

import pytest
from django.urls import reverse
from lxml import etree
from okfn_iati.iati_schema_validator import IatiValidator

from activities.models import Scope
from activities.places import set_places
from tests.factories import make_country
from tests.places_world import places_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return places_world()


def iati(client) -> bytes:
    response = client.get(reverse("api:iati"))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def activities_by_title(xml: bytes) -> dict[str, etree._Element]:
    root = etree.fromstring(xml)
    return {a.findtext("title/narrative"): a for a in root.iter("iati-activity")}


def test_it_stays_valid_with_every_scope(client, world):
    text = iati(client).decode("utf-8")
    _valid, errors = IatiValidator("2.03").validate(text)
    assert errors == {"schema_errors": [], "ruleset_errors": []}


def test_each_scope_says_where_as_iati_reads_it(client, world):
    found = activities_by_title(iati(client))

    def where(title):
        element = found[title]
        countries = [
            (c.get("code"), c.get("percentage")) for c in element.findall("recipient-country")
        ]
        regions = [
            (r.get("vocabulary"), r.get("code"), r.get("percentage"))
            for r in element.findall("recipient-region")
        ]
        return element.find("activity-scope").get("code"), countries, regions

    assert where("Dakar pilot") == ("4", [("SN", "100.00")], [])
    assert where("Senegal-Mali exchange") == ("3", [("SN", "50.00"), ("ML", "50.00")], [])
    # Africa is a DAC region too (298, "Africa, regional"); the hub's own code beside it.
    assert where("West Africa event") == (
        "2",
        [],
        [("1", "298", "100"), ("99", "africa", "100")],
    )
    assert where("Global guide") == ("1", [], [("1", "998", "100")])
    own = found["West Africa event"].findall("recipient-region")[1]
    assert own.get("vocabulary-uri") and own.findtext("narrative") == "Africa"
    # "Africa forum" has no agency: IATI needs one, the file leaves it out.
    assert "Africa forum" not in found


def test_shares_of_three_countries_add_to_exactly_100(client, world):
    gh = world.gh
    set_places(
        world.exchange, scope=Scope.MULTI_COUNTRY, region="", main=world.ml,
        countries=[world.sn, gh],
    )  # fmt: skip
    element = activities_by_title(iati(client))["Senegal-Mali exchange"]
    shares = [(c.get("code"), c.get("percentage")) for c in element.findall("recipient-country")]
    # The main country first, the cent left over its.
    assert shares == [("ML", "33.34"), ("GH", "33.33"), ("SN", "33.33")]
    assert sum(Decimal(share) for _code, share in shares) == Decimal(100)


def test_a_region_without_a_dac_twin_is_in_the_hub_s_vocabulary_only(client, world):
    make_country("JO", "arab-states")
    set_places(
        world.west_africa, scope=Scope.REGIONAL, region="arab-states", main=None, countries=[]
    )
    element = activities_by_title(iati(client))["West Africa event"]
    regions = [(r.get("vocabulary"), r.get("code")) for r in element.findall("recipient-region")]
    assert regions == [("99", "arab-states")]


def test_themes_are_tags_of_the_hub_s_vocabulary(client, world):
    element = activities_by_title(iati(client))["Dakar pilot"]
    tags = [
        (t.get("vocabulary"), t.get("code"), t.findtext("narrative"))
        for t in element.findall("tag")
    ]
    assert tags == [("99", "gender", "Gender"), ("99", "care", "Care")]
    assert all(t.get("vocabulary-uri") for t in element.findall("tag"))
