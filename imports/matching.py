"""Names as people write them: each cell of an imported row to the value the hub stores.

One Lookup is built per import, reading each table once (countries, agencies, focal
points, tools): matching a 10,000-row file is then dictionary look-ups, not queries.
A value that matches nothing, or more than one thing, raises CellError with a message
that names the value and, when something close exists, what was probably meant.
"""

import datetime
import difflib
import re
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django_countries import countries as iso_countries
from django_countries.data import COUNTRIES as ISO_NAMES

from activities.models import ActivityStatus, ActivityType, Tool
from agencies.models import Agency, FocalPoint
from core.names import name_key, split_variants
from core.resources import NO_WORDS, YES_WORDS, split_list
from countries.models import Country

# Spellings in common use that neither ISO nor django-countries lists.
COMMON_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "VN": ("Vietnam", "Viet Nam"),
    "LA": ("Laos", "Lao PDR", "Lao"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "CV": ("Cape Verde", "Cabo Verde"),
    "CD": ("DR Congo", "DRC", "Congo DR", "Congo, Democratic Republic"),
    "CG": ("Congo Brazzaville", "Republic of the Congo"),
    "TZ": ("Tanzania", "United Republic of Tanzania"),
    "BO": ("Bolivia",),
    "KR": ("South Korea", "Republic of Korea", "Korea, Republic of"),
    "KP": ("North Korea", "DPRK"),
    "SY": ("Syria",),
    "MD": ("Moldova", "Republic of Moldova"),
    "PS": ("Palestine", "oPt", "State of Palestine"),
    "SZ": ("Swaziland", "Eswatini"),
    "MK": ("Macedonia", "North Macedonia"),
    "MM": ("Burma", "Myanmar"),
    "TL": ("East Timor", "Timor Leste"),
    "TR": ("Turkey", "Türkiye"),
    "GB": ("UK", "United Kingdom", "Great Britain"),
    "US": ("USA", "United States"),
}

# Dates as people type them; day first (the coalition writes 31/05/2012, not 05/31/2012).
DATE_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
    "%Y/%m/%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d/%m/%y",
)
EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Excel serial numbers for 1950-01-01 .. 2100-12-31: a bare number outside is no date.
EXCEL_SERIALS = range(18264, 73416)

# Messages are lazy: they are translated only when a cell is wrong, not for every cell.
MESSAGES = {
    "country": (
        _lazy("Unknown country “%(value)s”: use its ISO code (e.g. VNM) or its name."),
        _lazy("“%(value)s” could be several countries (%(names)s): use the ISO code."),
    ),
    "agency": (
        _lazy("Unknown agency “%(value)s”."),
        _lazy("“%(value)s” could be several agencies (%(names)s): use the acronym."),
    ),
    "tool": (
        _lazy("Unknown SPF tool “%(value)s”."),
        _lazy("“%(value)s” could be several tools (%(names)s): use the full name."),
    ),
    "person": (
        _lazy("Unknown focal point “%(value)s”."),
        _lazy("Several focal points are called “%(value)s”: add their email."),
    ),
}


class CellError(ValueError):
    """One cell cannot be read; the message is for the person who filled it in."""


def did_you_mean(value: str, names: dict[str, str]) -> str:
    """ " Did you mean “X”?" for the closest of `names` (name key -> display name), or ""."""
    close = difflib.get_close_matches(name_key(value), list(names), n=1, cutoff=0.75)
    if not close:
        return ""
    return " " + _("Did you mean “%(name)s”?") % {"name": names[close[0]]}


class NameIndex:
    """name key -> id, remembering keys that two different records claim (ambiguous)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.display: dict[str, str] = {}
        self.ambiguous: dict[str, set[str]] = {}
        self.memo: dict[str, int] = {}

    def add(self, name: str, pk: int, display: str, *, strong: bool = False) -> None:
        key = name_key(name)
        if not key:
            return
        known = self.ids.get(key)
        if strong or known is None:
            self.ids[key] = pk
            self.display[key] = display
            if strong:
                self.ambiguous.pop(key, None)
        elif known != pk:
            self.ambiguous.setdefault(key, {self.display[key]}).add(display)

    def find(self, value: str, unknown: Any, ambiguous: Any) -> int:
        # A file names the same few countries and agencies thousands of times.
        found = self.memo.get(value)
        if found is not None:
            return found
        key = name_key(value)
        if key in self.ambiguous:
            names = ", ".join(sorted(self.ambiguous[key]))
            raise CellError(str(ambiguous) % {"value": value, "names": names})
        if key not in self.ids:
            raise CellError(str(unknown) % {"value": value} + did_you_mean(value, self.display))
        self.memo[value] = self.ids[key]
        return self.ids[key]


class Lookup:
    """Everything an import matches names against, read once."""

    def __init__(self) -> None:
        self.countries = NameIndex()
        self.alpha3: dict[int, str] = {}
        for country in Country.objects.all():
            code = str(country.code)
            alpha3 = iso_countries.alpha3(code)
            self.alpha3[country.pk] = alpha3
            for name in (code, alpha3):
                self.countries.add(name, country.pk, alpha3, strong=True)
            for name in self.country_names(country):
                self.countries.add(name, country.pk, str(country.code.name))
        self.agencies = NameIndex()
        self.acronyms: dict[int, str] = {}
        agencies = list(Agency.objects.all())
        for agency in agencies:
            self.acronyms[agency.pk] = agency.acronym
            for name in (agency.name, *split_variants(agency.name_variants)):
                self.agencies.add(name, agency.pk, agency.acronym)
        # An acronym always wins over another agency's spelling variant.
        for agency in agencies:
            self.agencies.add(agency.acronym, agency.pk, agency.acronym, strong=True)
        self.tools = NameIndex()
        self.tool_names: dict[int, str] = {}
        for pk, name, acronym in Tool.objects.values_list("pk", "name", "acronym"):
            self.tool_names[pk] = name
            self.tools.add(name, pk, name, strong=True)
            if acronym:
                self.tools.add(acronym, pk, name)
        self.people = NameIndex()
        self.emails: dict[str, int] = {}
        self.person_names: dict[int, str] = {}
        for pk, name, email in FocalPoint.objects.values_list("pk", "name", "email"):
            self.person_names[pk] = name
            self.people.add(name, pk, name)
            if email:
                self.emails.setdefault(email.strip().lower(), pk)
        self.types = choice_codes(ActivityType)
        self.statuses = choice_codes(ActivityStatus)
        self.yes, self.no = set(YES_WORDS), set(NO_WORDS)
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                self.yes.add(name_key(_("yes")))
                self.no.add(name_key(_("no")))

    @staticmethod
    def country_names(country: Country) -> Iterable[str]:
        code = str(country.code)
        yield country.name
        yield str(ISO_NAMES.get(code, ""))
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                yield str(country.code.name)
        yield from COMMON_COUNTRY_NAMES.get(code, ())
        yield from split_variants(country.name_variants)

    # Cell readers: each takes the cleaned cell and returns the stored value.

    def country(self, value: Any) -> int | None:
        text = str(value or "")
        if not text:
            return None
        return self.countries.find(
            text,
            *MESSAGES["country"],
        )

    def agency_list(self, value: Any) -> list[int]:
        found = []
        for name in split_list(value):
            found.append(
                self.agencies.find(
                    name,
                    *MESSAGES["agency"],
                )
            )
        return found

    def tool_list(self, value: Any) -> frozenset[int]:
        return frozenset(
            self.tools.find(
                name,
                *MESSAGES["tool"],
            )
            for name in split_list(value)
        )

    def focal_point(self, value: Any, email: Any = "") -> int | None:
        name, email = str(value or ""), str(email or "").strip().lower()
        if email:
            if email not in self.emails:
                raise CellError(_("No focal point has the email “%(value)s”.") % {"value": email})
            return self.emails[email]
        if not name:
            return None
        return self.people.find(
            name,
            *MESSAGES["person"],
        )

    def choice(self, value: Any, codes: dict[str, str], labels: dict[str, str]) -> str:
        text = str(value if value is not None else "")
        code = codes.get(name_key(text))
        if code is None:
            # Suggest from labels and codes ("Studdy" is closer to "study" than to its label).
            display = {key: labels[code] for key, code in codes.items()}
            raise CellError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": text, "choices": ", ".join(labels.values())}
                + did_you_mean(text, display)
            )
        return code

    def activity_type(self, value: Any) -> str:
        return self.choice(value, self.types, labels_of(ActivityType))

    def status(self, value: Any) -> str:
        return self.choice(value, self.statuses, labels_of(ActivityStatus))

    def yes_no(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            return bool(value)
        key = name_key(str(value if value is not None else ""))
        if key in self.yes:
            return True
        if key in self.no:
            return False
        raise CellError(_("“%(value)s” is neither yes nor no.") % {"value": value})


def labels_of(choices: Any) -> dict[str, str]:
    return {code: str(label) for code, label in choices.choices}


def choice_codes(choices: Any) -> dict[str, str]:
    """name key of a value or of its label in any site language -> value."""
    codes: dict[str, str] = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in choices.choices:
                codes[name_key(str(label))] = code
    codes.update({name_key(code): code for code in choices.values})
    return codes


def read_date(value: Any) -> datetime.date | None:
    """ISO, 31/05/2012, 31 May 2012, an Excel date cell or an Excel serial number."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return excel_serial(value)
    text = re.sub(r"\s+", " ", str(value).replace(",", " ")).strip()
    if re.fullmatch(r"\d+(\.0+)?", text):
        return excel_serial(float(text))
    # An export's "2012-05-31 00:00" (a date written as a datetime) is still that day.
    text = re.sub(r"^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}(:\d{2})?$", r"\1", text)
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CellError(
        _("“%(value)s” is not a date: write it as 2012-05-31, 31/05/2012 or 31 May 2012.")
        % {"value": value}
    )


def excel_serial(number: float) -> datetime.date:
    if int(number) not in EXCEL_SERIALS:
        raise CellError(_("“%(value)s” is not a date.") % {"value": number})
    return EXCEL_EPOCH + datetime.timedelta(days=int(number))
