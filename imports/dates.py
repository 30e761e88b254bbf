"""Dates as people type them: 2012-05-31, 31/05/2012 (or 05/31/2012 in a month-first file),
31 May 2012, 31 mai 2012, 31 de mayo de 2012, a month alone (June 2012, 2012-06, 06/2012),
a year alone, an Excel date cell or serial number.

Whether 03/04/2012 is the 3rd of April or the 4th of March is decided once for the whole
file, from its dates that can only be read one way (13/03/2012 is day first); a file with
none is read day first, as the coalition writes. A month or a year alone is its first day
as a start date and its last day as an end date.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from core.names import name_key

EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Excel serial numbers for 1950-01-01 .. 2100-12-31: a bare number outside is no date.
EXCEL_SERIALS = range(18264, 73416)
YEARS = range(1950, 2101)
DAY_FIRST, MONTH_FIRST = "day-first", "month-first"

MONTHS: dict[str, int] = {}
for number, names in enumerate(
    [
        ("january", "jan", "janvier", "janv", "enero", "ene"),
        ("february", "feb", "fevrier", "fev", "fevr", "febrero"),
        ("march", "mar", "mars", "marzo"),
        ("april", "apr", "avril", "avr", "abril", "abr"),
        ("may", "mai", "mayo"),
        ("june", "jun", "juin", "junio"),
        ("july", "jul", "juillet", "juil", "julio"),
        ("august", "aug", "aout", "agosto", "ago"),
        ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "set"),
        ("october", "oct", "octobre", "octubre"),
        ("november", "nov", "novembre", "noviembre"),
        ("december", "dec", "decembre", "diciembre", "dic"),
    ],
    start=1,
):
    MONTHS.update(dict.fromkeys(names, number))
# Little words around dates: "31 de mayo de 2012", "le 1er juin 2012", "May 31st, 2012".
FILLERS = {"de", "del", "le", "the", "of", "er", "st", "nd", "rd", "th"}
NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})(?:[/.\-](\d{1,4}))?$")
MONTH_YEAR = re.compile(r"^(\d{1,2})[/.\-](\d{4})$")
ISO_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}(:\d{2})?$")


class DateError(ValueError):
    """Not a date; `hint` says how to write one."""


@dataclass(frozen=True)
class Reading:
    """How a file writes its dates: `order` and the cell that showed it ("" if none did)."""

    order: str = DAY_FIRST
    evidence: str = ""
    seen: bool = False  # the file has dates such as 03/04/2012, whose order matters


def file_order(values: Iterable[Any]) -> Reading:
    """Day first or month first, from the dates that can only be read one way (the more
    of them, when a file has both; day first when none tells)."""
    examples: dict[str, list[str]] = {DAY_FIRST: [], MONTH_FIRST: []}
    seen = False
    for value in values:
        if not isinstance(value, str):
            continue
        found = NUMERIC.match(value.strip())
        if not found or len(found.group(1)) == 4 or found.group(3) is None:
            continue
        seen = True
        first, second = int(found.group(1)), int(found.group(2))
        if first > 12 >= second:
            examples[DAY_FIRST].append(value.strip())
        elif second > 12 >= first:
            examples[MONTH_FIRST].append(value.strip())
    order = MONTH_FIRST if len(examples[MONTH_FIRST]) > len(examples[DAY_FIRST]) else DAY_FIRST
    return Reading(order, next(iter(examples[order]), ""), seen)


def full_year(year: int) -> int:
    """A two-digit year: 12 is 2012, 95 is 1995."""
    if year >= 100:
        return year
    return 2000 + year if year < 50 else 1900 + year


def day(year: int, month: int, number: int | None, *, end: bool) -> datetime.date:
    """A date; without a day, the month's first (or, for an end date, last) day."""
    if year not in YEARS:
        raise DateError("year")
    if number is None:
        number = calendar.monthrange(year, month)[1] if end else 1
    return datetime.date(year, month, number)  # ValueError for 31/02


def read_date(value: Any, order: str = DAY_FIRST, *, end: bool = False) -> datetime.date | None:
    """The date a cell holds, or DateError."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return from_number(value, end=end)
    text = re.sub(r"\s+", " ", str(value).replace(",", " ")).strip()
    text = ISO_TIME.sub(r"\1", text)
    try:
        if re.fullmatch(r"\d+(\.0+)?", text):
            return from_number(float(text), end=end)
        found = NUMERIC.match(text)
        if found:
            return from_digits(found.groups(), order, end=end)
        found = MONTH_YEAR.match(text)
        if found:
            return day(int(found.group(2)), int(found.group(1)), None, end=end)
        return from_words(text, end=end)
    except (ValueError, OverflowError) as error:
        raise DateError(str(value)) from error


def from_number(number: float, *, end: bool) -> datetime.date:
    if int(number) == number and int(number) in YEARS:  # a year typed as a number
        return day(int(number), 12 if end else 1, None, end=end)
    if int(number) not in EXCEL_SERIALS:
        raise DateError(str(number))
    return EXCEL_EPOCH + datetime.timedelta(days=int(number))


def from_digits(parts: tuple[str | None, ...], order: str, *, end: bool) -> datetime.date:
    first, second, third = parts
    if third is None:  # a month alone: 2012-06
        if len(first) == 4:
            return day(int(first), int(second), None, end=end)
        raise DateError("no year")
    if len(first) == 4:  # 2012-05-31, 2012/05/31
        return day(int(first), int(second), int(third), end=end)
    year = full_year(int(third))
    if order == MONTH_FIRST:
        return day(year, int(first), int(second), end=end)
    return day(year, int(second), int(first), end=end)


def from_words(text: str, *, end: bool) -> datetime.date:
    """31 May 2012, May 31 2012, 31 mai 2012, 31 de mayo de 2012, June 2012, juin 2012."""
    words = [name_key(word) for word in re.split(r"[\s./-]+", text)]
    words = [re.sub(r"^(\d+)(er|st|nd|rd|th)$", r"\1", word) for word in words if word]
    words = [word for word in words if word not in FILLERS]
    months = [MONTHS[word] for word in words if word in MONTHS]
    numbers = [int(word) for word in words if word.isdigit()]
    if len(months) != 1 or len(words) != len(numbers) + 1:
        raise DateError(text)
    years = [number for number in numbers if number > 31]
    if len(numbers) == 1:
        if not years:
            raise DateError(text)
        return day(numbers[0], months[0], None, end=end)
    if len(numbers) != 2 or len(years) != 1:
        raise DateError(text)
    number = next(number for number in numbers if number <= 31)
    return day(years[0], months[0], number, end=end)
