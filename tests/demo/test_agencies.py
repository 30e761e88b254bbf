"""Agencies and focal points of the seeds, found under the names people write."""

from agencies.models import Agency, FocalLevel, FocalPoint
from core.names import name_key
from devtools.demo.loader import load_demo
from devtools.demo.organisations import AGENCIES, AGENCY_VARIANTS
from tests.factories import make_agency


def test_it_finds_agencies_by_their_variants(demo):
    assert Agency.objects.by_name("UNWomen").acronym == "UN Women"
    assert Agency.objects.by_name("UNHabitat").acronym == "UN-Habitat"


def test_it_reuses_an_agency_whose_acronym_differs_in_case(db):
    make_agency("unicef")
    load_demo()
    assert Agency.objects.filter(acronym__iexact="UNICEF").count() == 1
    assert FocalPoint.objects.get(name="Richard Morgan").agency.acronym == "unicef"


def test_it_gives_country_people_their_country(demo):
    person = FocalPoint.objects.get(name="Ibrahim El-Shaer")
    assert person.level == FocalLevel.COUNTRY
    assert person.country.code == "PS"


def test_it_uses_placeholder_contact_details_only(demo):
    people = FocalPoint.objects.all()
    assert all(person.email.endswith("@example.org") for person in people)
    assert all(person.phone.startswith("+41 22 000 ") for person in people)


def test_it_never_gives_two_agencies_the_same_name_key():
    owners: dict[str, set[str]] = {}
    for acronym, name, *_ in AGENCIES:
        for spelling in (acronym, name, *AGENCY_VARIANTS.get(acronym, ())):
            owners.setdefault(name_key(spelling), set()).add(acronym)
    assert {key: acronyms for key, acronyms in owners.items() if len(acronyms) > 1} == {}
    assert not [v for variants in AGENCY_VARIANTS.values() for v in variants if "," in v]
