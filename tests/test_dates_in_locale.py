"""Dates go through each language's formats, day first: never Django's US month-first
numbers in English ("12/06/2026 2:43 p.m."), and Spanish with its "de" ("16 de diciembre de
2026")."""

import datetime

import pytest
from django.utils import formats, translation

DAY = datetime.date(2026, 12, 16)
MOMENT = datetime.datetime(2026, 12, 6, 14, 43)


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [
        ("en", "16 December 2026", "16 Dec 2026"),
        ("fr", "16 décembre 2026", "16 déc. 2026"),
        ("es", "16 de diciembre de 2026", "16 dic 2026"),
    ],
)
def test_each_language_writes_dates_day_first(language, long, short):
    with translation.override(language):
        assert formats.date_format(DAY, "DATE_FORMAT") == long
        assert formats.date_format(DAY, "SHORT_DATE_FORMAT") == short


def test_english_date_times_are_never_month_first_numbers():
    with translation.override("en"):
        assert formats.date_format(MOMENT, "SHORT_DATETIME_FORMAT") == "6 Dec 2026, 14:43"
        assert formats.localize(MOMENT) == "6 December 2026, 14:43"
