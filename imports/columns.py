"""Which hub field each column of a file holds: read from its header, its HXL hashtag or its
values, and confirmed by the person in the mapping step when the file is not the hub's own.

A column is recognised *exactly* when its header is one of the hub's (in any site
language, or the field's name) or its hashtag is one the hub or a 3W file writes: a file
whose columns are all recognised so goes straight to the preview. Otherwise each column
gets a *guess* (headers as partners write them in English, French and Spanish; ISO codes
are countries, dates are dates, emails are emails) that the mapping step shows pre-filled.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_countries import countries as iso_countries

from activities.models import GUARANTEE_FIELDS
from activities.resources import ROLE_COLUMNS, ActivityResource
from core.names import choice_keys, name_key
from imports.dates import DateError, read_date
from imports.words import GUARANTEES, HEADER_WORDS

BOOL_FIELDS = tuple(GUARANTEE_FIELDS.values())
# The fields a column can hold, in the order the mapping step offers them.
IMPORTED_FIELDS = (
    "reference",
    "scope",
    "country_code",
    "main_country",
    "country",
    "region",
    "subdivision_codes",
    "subdivisions",
    "title",
    "description",
    "activity_type",
    "status",
    GUARANTEES,
    *BOOL_FIELDS,
    "themes",
    "start_date",
    "end_date",
    *ROLE_COLUMNS,
    "focal_point",
    "focal_point_email",
    "tools_used",
    "tools_needed",
    "funding",
    "version",
)
REQUIRED = ("title", "activity_type")
# Fields a file without their column may give one value for, in the mapping step ("all
# these rows are studies in Mozambique").
WHOLE_FILE_FIELDS = ("activity_type", "country")
COUNTRY_FIELDS = ("country_code", "country")
# A file without a country column says where by a scope or region column (regional and
# global activities).
WHERE_FIELDS = (*COUNTRY_FIELDS, "scope", "region")
# How many rows of each column the mapping step shows, and values guesses read.
SAMPLE_ROWS = 50
SHOWN_SAMPLES = 4
# Share of a column's values that must look alike for a guess from values.
VALUE_MAJORITY = 0.8

LONG_ENOUGH_INSIDE = 5


def field_label(name: str) -> str:
    """How the mapping step names a field (its column header in the current language)."""
    if name == GUARANTEES:
        return _("Guarantees (a list: sets the four R202 flags)")
    return column_title(name)


@cache
def _column_titles(language: str) -> dict[str, str]:
    return {name: str(field.column_name) for name, field in ActivityResource().fields.items()}


def column_title(field_name: str) -> str:
    """The column's header in the current language (for messages)."""
    if field_name == GUARANTEES:
        return _("Guarantees")
    return _column_titles(translation.get_language() or "").get(field_name, field_name)


@cache
def _exact_headers(language: str) -> dict[str, str]:
    fields = ActivityResource().fields
    keys = choice_keys((name, field.column_name) for name, field in fields.items())
    keys.update(choice_keys([(GUARANTEES, _lazy("Guarantees"))]))
    return keys


def exact_headers() -> dict[str, str]:
    """name key of the hub's headers (every site language) and of field names -> field."""
    return _exact_headers(translation.get_language() or "")


@cache
def _header_words() -> dict[str, str]:
    return {name_key(word): field for field, words in HEADER_WORDS.items() for word in words}


def guess_header(header: str) -> tuple[str, bool]:
    """(field, exact) for a header: the hub's own header, else a partner's usual words."""
    key = name_key(header)
    if not key:
        return "", False
    exact = exact_headers()
    if key in exact:
        return exact[key], True
    words = _header_words()
    if key in words:
        return words[key], False
    known = {**exact, **words}
    inside = [word for word in known if len(word) >= LONG_ENOUGH_INSIDE and word in key]
    return (known[max(inside, key=len)], False) if inside else ("", False)


def tag_parts(tag: str) -> tuple[str, set[str]]:
    """An HXL tag's hashtag and attributes: "#org+impl+name" -> ("org", {"impl", "name"})."""
    parts = [part.strip().lower() for part in tag.strip().lstrip("#").split("+")]
    return parts[0], set(parts[1:])


def guess_tag(tag: str) -> str:
    """The field of an HXL hashtag such as #org+impl+name ("" for one the hub does not read)."""
    hashtag, attributes = tag_parts(tag)
    if not hashtag:
        return ""
    if hashtag == "meta":
        return "reference" if "id" in attributes else "version" if "version" in attributes else ""
    if hashtag == "country":
        if "main" in attributes:
            return "main_country"
        return "country_code" if attributes & {"code", "iso3", "iso2"} else "country"
    if hashtag == "region":
        return "region"
    if hashtag == "adm1":
        return "subdivision_codes" if "code" in attributes else "subdivisions"
    if hashtag == "activity":
        if "scope" in attributes:
            return "scope"
        if "theme" in attributes:
            return "themes"
        if "type" in attributes:
            return "activity_type"
        return "description" if "description" in attributes else "title"
    if hashtag == "description":
        return "description"
    if hashtag == "org":
        for attribute, field in (
            ("lead", "lead_agency"),
            ("funder", "funder_agencies"),
            ("prog", "co_lead_agencies"),
        ):
            if attribute in attributes:
                return field
        return "partner_agencies"
    if hashtag == "date":
        return "start_date" if "start" in attributes else "end_date" if "end" in attributes else ""
    if hashtag == "contact":
        if "email" in attributes:
            return "focal_point_email"
        return "" if attributes & {"phone", "url"} else "focal_point"
    if hashtag == "beneficiary" and "guarantee" in attributes:
        return GUARANTEES  # the R202 guarantees, as the hub's HXL files tag them
    if hashtag == "item" and "tool" in attributes:
        return "tools_needed" if "needed" in attributes else "tools_used"
    # The hub's files no longer write #sector and #subsector (HXL's humanitarian clusters),
    # but its older files and partners' 3W files put the kind of work and the guarantees
    # there: still read so (a cluster's name is then an error naming the kinds of work).
    return {"sector": "activity_type", "subsector": GUARANTEES, "status": "status"}.get(hashtag, "")


EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def guess_values(values: Iterable[Any]) -> str:
    """A field for a column whose header says nothing: ISO codes, emails or dates."""
    filled = [value for value in values if value not in (None, "")]
    if not filled:
        return ""

    def most(test: Any) -> bool:
        return sum(1 for value in filled if test(value)) >= VALUE_MAJORITY * len(filled)

    def is_code(value: Any) -> bool:
        text = str(value).strip()
        return len(text) in (2, 3) and text.isalpha() and bool(iso_countries.alpha2(text))

    def is_date(value: Any) -> bool:
        try:
            return read_date(value) is not None
        except DateError:
            return False

    if most(is_code):
        return "country_code"
    if most(lambda value: bool(EMAIL_RE.match(str(value).strip()))):
        return "focal_point_email"
    if most(is_date):
        return "start_date"
    return ""


@dataclass
class Column:
    """One column of a file as the mapping step shows it."""

    index: int
    header: str
    tag: str
    samples: list[str]
    field: str  # the guess, or what the person chose; "" is ignored
    exact: bool  # recognised without doubt (no mapping step needed for it)


def guess_columns(
    headers: Sequence[str], tags: Sequence[str], samples: list[list[Any]]
) -> list[Column]:
    """Every column with its guess; a field guessed twice goes to the surer column only."""
    columns = []
    for index, header in enumerate(headers):
        tag = tags[index] if index < len(tags) else ""
        values = [row[index] if index < len(row) else "" for row in samples]
        field, exact = guess_header(header)
        if tag:  # a hashtag says what the column holds (or that the hub does not read it)
            field, exact = guess_tag(tag) or (field if exact else ""), True
        if not field and not header.strip():
            exact = all(value in (None, "") for value in values)
        by_values = guess_values(values)
        if not field or (by_values == "focal_point_email" and not exact):
            field = by_values or field
        if field and field not in IMPORTED_FIELDS:
            field = ""  # a hub column the import does not read (a phone, "Last updated")
        shown = [shown_value(value) for value in values if value not in (None, "")]
        columns.append(Column(index, header, tag, shown[:SHOWN_SAMPLES], field, exact))
    taken: dict[str, Column] = {}
    for column in sorted(columns, key=lambda column: not column.exact):
        if not column.field:
            continue
        if column.field == "start_date" and "start_date" in taken and not column.exact:
            column.field = "end_date"  # the second date column of a file is its end
        if column.field in taken and not column.exact:
            column.field = ""  # (two recognised columns of one field: the file is refused)
        else:
            taken[column.field] = column
    return columns


def shown_value(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()[:10]
    return str(value)


def mapping_problems(fields: Sequence[str], whole_file: Iterable[str] = ()) -> list[str]:
    """What is wrong with a mapping (one field per column, "" for ignored), for people;
    `whole_file` names the fields given one value for the whole file instead of a column."""
    chosen = [field for field in fields if field]
    if not chosen:
        return [_("No column is mapped to a hub field: choose what at least one column holds.")]
    problems = []
    for field in dict.fromkeys(chosen):
        if chosen.count(field) > 1:
            problems.append(
                _("Two columns are mapped to “%(field)s”: keep one, ignore the other.")
                % {"field": field_label(field)}
            )
    if GUARANTEES in chosen and set(BOOL_FIELDS) & set(chosen):
        problems.append(
            _("A column of guarantees and a column of one guarantee cannot go together: keep one.")
        )
    present = {*chosen, *whole_file}
    missing = [field_label(name) for name in REQUIRED if name not in present]
    if not set(WHERE_FIELDS) & present:
        missing.insert(0, field_label("country_code"))
    if missing:
        problems.append(
            _("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    return problems
