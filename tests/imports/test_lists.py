"""Lists as people write them: commas, semicolons, slashes, line breaks and "and" (et, y)
separate agencies, but a known name that holds a comma or an "and" stays whole."""

import pytest

from activities.models import Activity, Role
from core.names import NameIndex
from tests.factories import make_agency, make_country, make_secretariat
from tests.imports.helpers import csv_bytes, errors, preview, run

pytestmark = pytest.mark.django_db

HEADER = ["Country", "Title", "Type", "Lead agency", "Partner agencies"]


def index(*names: str) -> NameIndex:
    found: NameIndex = NameIndex()
    for name in names:
        found.add(name, name, name)
    return found


@pytest.mark.parametrize(
    ("cell", "names"),
    [
        ("UNFPA, UN Women", ["UNFPA", "UN Women"]),
        ("UNFPA; UN Women", ["UNFPA", "UN Women"]),
        ("UNFPA / UN Women", ["UNFPA", "UN Women"]),
        ("UNFPA\nUN Women", ["UNFPA", "UN Women"]),
        ("UNFPA and UN Women", ["UNFPA", "UN Women"]),
        ("UNFPA et UN Women", ["UNFPA", "UN Women"]),
        ("UNFPA y UN Women", ["UNFPA", "UN Women"]),
        ("UNFPA, UN Women,", ["UNFPA", "UN Women"]),
        (
            "Ministry of Labour, Employment and Social Protection, UNFPA",
            ["Ministry of Labour, Employment and Social Protection", "UNFPA"],
        ),
        (
            "Bill and Melinda Gates Foundation y UNFPA",
            ["Bill and Melinda Gates Foundation", "UNFPA"],
        ),
        # Unknown names: two over a comma or between acronyms, one over a plain "y".
        ("CEPAL, OPS", ["CEPAL", "OPS"]),
        ("CEPAL y OPS", ["CEPAL", "OPS"]),
        (
            "UNFPA; Ministerio de Trabajo y Seguridad Social",
            ["UNFPA", "Ministerio de Trabajo y Seguridad Social"],
        ),
    ],
)
def test_a_list_cell_is_split_as_people_write_it(cell, names):
    known = index(
        "UNFPA",
        "UN Women",
        "Ministry of Labour, Employment and Social Protection",
        "Bill and Melinda Gates Foundation",
    )
    assert known.split(cell) == names


def test_an_import_reads_agencies_written_with_commas(db):
    make_country("MZ")
    ilo, unfpa, women = make_agency("ILO"), make_agency("UNFPA"), make_agency("UN Women")
    ministry = make_agency("MITSS", name="Ministry of Labour, Employment and Social Security")
    data = csv_bytes(
        [
            ["MOZ", "Social pension study", "Study", "ILO", "UNFPA, UN Women"],
            [
                "MOZ",
                "Labour law",
                "Legal",
                "ILO",
                "Ministry of Labour, Employment and Social Security",
            ],
        ],
        header=HEADER,
    )
    job = run(make_secretariat(), data)
    assert errors(job) == []
    study = Activity.objects.get(title="Social pension study")
    assert dict(study.participations.values_list("agency_id", "role")) == {
        ilo.pk: Role.LEAD,
        unfpa.pk: Role.PARTNER,
        women.pk: Role.PARTNER,
    }
    law = Activity.objects.get(title="Labour law")
    assert set(law.participations.values_list("agency_id", flat=True)) == {ilo.pk, ministry.pk}


def test_two_unknown_agencies_after_a_comma_are_named_each(db):
    make_country("MZ")
    make_agency("ILO")
    data = csv_bytes([["MOZ", "Study", "Study", "ILO", "CEPAL, OPS"]], header=HEADER)
    job = preview(make_secretariat(), data)
    assert errors(job) == [
        "row 2, Partner agencies: Unknown agency “CEPAL”. Unknown agency “OPS”.",
    ]
