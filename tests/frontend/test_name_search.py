"""One search rule for names everywhere (core.names.name_matches): agencies by their
acronyms in other languages and their variants, countries by their usual names, whatever
the accents, the case or the kind of apostrophe typed."""

import pytest
from django.utils import translation
from django_countries import countries as iso_countries

from agencies.models import Agency
from countries.models import Country
from tests.factories import Role, make_activity, make_agency, make_country

pytestmark = pytest.mark.django_db

CURLY = "Cote d\u2019Ivoire"  # what phones and word processors type


@pytest.fixture
def rows():
    ilo, imf = make_agency("ILO", name="International Labour Organization"), make_agency("IMF")
    undp = make_agency("UNDP", name_variants="Programa de las Naciones Unidas")
    return {
        "ilo": make_activity(make_country("VN"), {ilo: Role.LEAD}, title="Task force"),
        "imf": make_activity(make_country("TR", region="europe"), {imf: Role.LEAD}, title="Fiscal"),
        "ci": make_activity(
            make_country("CI", region="africa"), {undp: Role.LEAD}, title="Pension study"
        ),
    }


def titles(client, q: str) -> set[str]:
    page = client.get("/matrix/", {"q": q}).content.decode()
    return {title for title in ("Task force", "Fiscal", "Pension study") if f">{title}<" in page}


@pytest.mark.parametrize(
    ("q", "found"),
    [
        ("OIT", {"Task force"}),
        ("bit", {"Task force"}),
        ("FMI", {"Fiscal"}),
        ("PNUD", {"Pension study"}),
        ("naciones unidas", {"Pension study"}),  # the agency's own variant, from the admin
        (CURLY, {"Pension study"}),
        ("côte D'IVOIRE", {"Pension study"}),
        ("vietnam", {"Task force"}),
        ("turkey", {"Fiscal"}),
        ("ILO", {"Task force"}),
    ],
)
def test_the_matrix_finds_names_as_people_write_them(client, rows, q, found):
    assert titles(client, q) == found


@pytest.mark.parametrize("typed", ["OIT", "BIT", "ilo", "International Labour Office"])
def test_the_import_and_forms_read_an_agency_s_other_acronyms(rows, typed):
    assert Agency.objects.by_name(typed).acronym == "ILO"


@pytest.mark.parametrize("typed", [CURLY, "cote divoire", "IVORY COAST"])
def test_the_forms_read_a_country_with_any_apostrophe(rows, typed):
    assert Country.objects.by_name(typed).code == "CI"


def test_the_country_picker_carries_each_country_s_other_names(client, rows):
    page = client.get("/matrix/").content.decode()
    assert 'value="TR" data-keys="' in page
    keys = page.split('value="TR" data-keys="')[1].split('"')[0].split()
    assert "turkey" in keys
    assert "oit" in page.split('value="ILO" data-keys="')[1].split('"')[0]


@pytest.mark.parametrize(
    ("language", "code", "name"),
    [("en", "NR", "Nauru"), ("en", "BS", "Bahamas"), ("fr", "SZ", "Eswatini")],
)
def test_countries_show_their_usual_names(language, code, name):
    with translation.override(language):
        assert str(iso_countries.name(code)) == name
