"""The import's sentences with counts read right in English, French and Spanish: one
activity created is singular ("1 activities created" was the old wording)."""

import pytest

from tests.factories import make_agency, make_country, make_secretariat
from tests.imports.helpers import csv_bytes, run

pytestmark = pytest.mark.django_db

HEADER = ["Country", "Title", "Type", "Lead agency"]


@pytest.mark.parametrize(
    ("language", "one", "several"),
    [
        ("en", "Imported: 1 activity created, 0 changed.", "Imported: 2 activities created,"),
        ("fr", "Importé : 1 activité créée, 0 modifiée.", "Importé : 2 activités créées,"),
        ("es", "Importado: 1 actividad creada, 0 modificadas.", "2 actividades creadas,"),
    ],
)
def test_counts_are_singular_or_plural_in_each_language(client, language, one, several):
    make_country("MZ"), make_agency("ILO")
    person = make_secretariat()
    person.profile.language = language
    person.profile.save()
    client.force_login(person)
    single = run(person, csv_bytes([["MOZ", "Study", "Study", "ILO"]], header=HEADER))
    assert one in client.get(f"/import/{single.pk}/").content.decode()
    rows = [["MOZ", "Pilot", "Pilot", "ILO"], ["MOZ", "Law", "Legal", "ILO"]]
    double = run(person, csv_bytes(rows, header=HEADER))
    assert several in client.get(f"/import/{double.pk}/").content.decode()
