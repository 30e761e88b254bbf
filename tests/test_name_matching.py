"""One matcher of country and agency names (core.names.NameIndex, filled by each model's
name_index): the forms, the admin's imports and the spreadsheet import read names alike."""

import pytest
from django.core.exceptions import ValidationError

from agencies.models import Agency
from core.forms import resolve_typed_name
from core.names import AmbiguousName
from countries.models import Country
from imports.matching import CellError, Lookup
from tests.factories import make_agency, make_country

pytestmark = pytest.mark.django_db


def test_it_finds_a_country_by_a_variant_of_the_one_table():
    make_country("CD", region="africa")  # no variant stored
    assert Country.objects.by_name("Congo DR").code == "CD"


def test_it_finds_a_country_by_its_name_in_another_site_language():
    make_country("DE", region="europe-central-asia")
    assert Country.objects.by_name("Allemagne").code == "DE"


def test_it_never_picks_one_of_two_agencies_sharing_a_name():
    make_agency("IMF", name_variants="FMI")
    make_agency("FMI-X", name="Another", name_variants="FMI ")
    with pytest.raises(AmbiguousName) as ambiguous:
        Agency.objects.by_name("fmi")
    assert ambiguous.value.candidates == ["FMI-X", "IMF"]


def test_it_lets_the_acronym_win_over_another_agencys_variant():
    make_agency("UNDP"), make_agency("PNUD-X", name_variants="UNDP")
    assert Agency.objects.by_name("undp").acronym == "UNDP"


def test_it_names_the_candidates_in_a_form():
    make_agency("IMF", name_variants="FMI"), make_agency("FMI-X", name_variants="FMI")
    with pytest.raises(ValidationError) as refused:
        resolve_typed_name("FMI", Agency.objects.by_name, message="%(value)s?", code="agency")
    assert refused.value.messages == ["“FMI” could be several: FMI-X, IMF. Pick one from the list."]


def test_it_gives_the_import_the_same_answer_as_the_forms():
    make_country("LA"), make_agency("UN Women", name_variants="UNWomen")
    lookup = Lookup()
    assert lookup.country("Laos") == Country.objects.by_name("Laos").pk
    assert lookup.agency_list("unwomen") == [Agency.objects.by_name("unwomen").pk]


def test_it_names_the_candidates_in_an_import():
    make_agency("IMF", name_variants="FMI"), make_agency("FMI-X", name_variants="FMI")
    with pytest.raises(CellError) as refused:
        Lookup().agency_list("FMI")
    assert str(refused.value) == "“FMI” could be several agencies (FMI-X, IMF): use the acronym."
