"""French and Spanish come from the committed catalogues; English where one is missing."""

import gettext as gnu_gettext
import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["fr", "es"]


def entries_in_po(path: Path) -> int:
    """Entries of a .po file, the header not counted."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if line.startswith("msgid ")) - 1


def entries_in_mo(path: Path) -> int:
    """Translated entries of a compiled catalogue (msgfmt leaves out untranslated ones)."""
    with path.open("rb") as handle:
        catalog = gnu_gettext.GNUTranslations(handle)._catalog
    singular = {key for key in catalog if isinstance(key, str) and key}
    plural = {key[0] for key in catalog if isinstance(key, tuple)}
    return len(singular | plural)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_ships_a_compiled_catalogue_with_every_entry_translated(lang):
    messages = LOCALE / lang / "LC_MESSAGES"
    assert entries_in_po(messages / "django.po") > 500
    assert entries_in_mo(messages / "django.mo") == entries_in_po(messages / "django.po")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_plural_has_as_many_forms_as_its_language_counts(lang):
    """Spanish counts three (one, a million, other: Django's own catalogue says so); a plural
    with two would show English for a million and its multiples."""
    with (LOCALE / lang / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        catalogue = gnu_gettext.GNUTranslations(handle)
    forms = int(re.search(r"nplurals=(\d+)", catalogue.info()["plural-forms"]).group(1))
    found = Counter(key[0] for key in catalogue._catalog if isinstance(key, tuple))
    assert found, "no plural entry to check"
    assert {msgid: n for msgid, n in found.items() if n != forms} == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_it_serves_the_matrix_in_the_browser_s_language(client, db, lang):
    with translation.override(lang):
        matrix = translation.gettext("Matrix")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=lang)
    assert matrix != "Matrix"
    assert f">{matrix}</a>" in response.content.decode()


def test_it_falls_back_to_english_for_a_string_not_translated_yet():
    with translation.override("fr"):
        assert translation.gettext("A sentence no catalogue holds.") == (
            "A sentence no catalogue holds."
        )
