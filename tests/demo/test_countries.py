"""Every ISO country, with its ILO region and the spellings people use."""

from django.utils import translation
from django_countries import countries as iso_countries

from core.names import name_key
from countries.models import Country, Region, english_name
from countries.regions import ILO_REGIONS
from countries.variants import NAME_VARIANTS
from devtools.demo.loader import load_demo


def test_it_loads_every_iso_country_with_a_region(demo):
    stored = {country.code.code: country.region for country in Country.objects.all()}
    assert set(stored) == {entry.code for entry in iso_countries}
    assert set(stored.values()) <= set(Region.values)


def test_it_finds_viet_nam_by_its_variants(demo):
    assert Country.objects.by_name("Vietnam").code == "VN"
    assert Country.objects.by_name("Viet Nam").code == "VN"


def test_it_finds_the_occupied_palestinian_territory_by_its_variants(demo):
    assert Country.objects.by_name("State of Palestine").code == "PS"
    assert Country.objects.by_name("OPT").code == "PS"


def test_it_groups_countries_as_ilo_does():
    assert ILO_REGIONS["PS"] == ILO_REGIONS["JO"] == Region.ARAB_STATES
    assert ILO_REGIONS["EG"] == Region.AFRICA and ILO_REGIONS["TR"] == Region.EUROPE_CENTRAL_ASIA


def test_it_never_gives_two_countries_the_same_name_key():
    owners: dict[str, set[str]] = {}
    for entry in iso_countries:
        for name in (english_name(entry.code), *NAME_VARIANTS.get(entry.code, ())):
            owners.setdefault(name_key(name), set()).add(entry.code)
    assert {key: codes for key, codes in owners.items() if len(codes) > 1} == {}
    assert not [v for variants in NAME_VARIANTS.values() for v in variants if "," in v]


def test_it_stores_english_names_whatever_the_active_language(db):
    with translation.override("fr"):
        load_demo()
    assert Country.objects.get(code="DE").name == "Germany"
    assert Country.objects.get(code="PS").name == "Occupied Palestinian Territory"
