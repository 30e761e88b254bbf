"""Country names in English, French and Spanish (django-countries' catalogues and ours) have
no words run together ("Trinidad yTobago") and no stray spaces."""

import re

import pytest
from django.utils import translation
from django_countries import countries

# A word that starts in lower case and holds a capital: two words run together. Names
# such as "McDonald" start with a capital and are left alone.
RUN_TOGETHER = re.compile(r"(?<![\w'\u2019-])[a-zà-ÿ]+[A-ZÀ-Þ]")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_it_writes_every_country_name_with_its_spaces(language):
    with translation.override(language):
        bad = [
            name
            for _code, name in countries
            if RUN_TOGETHER.search(name) or "  " in name or name != name.strip()
        ]
    assert bad == []
