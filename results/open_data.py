"""Results as open data: one row per value (an activity's indicator in a period, for a
country), in the downloads (CSV, XLSX, ODS), in HXL, and as the import reads them back.

One layout for all of them, so that a file downloaded, corrected and sent back through the
import changes exactly what was corrected: the value's keys (activity reference, country,
indicator code, period), the value, one column per disaggregation category (HXL's way: a
part is a column whose hashtag carries the category's attribute, +f, +m, +children...),
then what a reader wants beside it (target, status, evidence) and the version the file was
read at.

HXL tags (hxlstandard.org core schema, with our own attributes where it has none):
- #activity+code the activity's public reference; #country+code (ISO 3166-1 alpha-3) and
  #country+name (the HXL file only): the value's country, or the activity's when the value
  is for all of it;
- #indicator+code, #indicator+name; #indicator+value+num the value, in every unit (a
  percentage as 0-100); #indicator+target+num the activity's target;
- #reached+num and #targeted+num (the HXL file only): for indicators counting people, the
  value and the target again, HXL's words for "people reached" and "people targeted" (3W
  tools sum them; they stay blank for percentages, which no tool may add up);
- the parts: #indicator+value+sex+f, +sex+m, +age+children, +age+adults, +age+elderly,
  +guarantee+health/+children/+adults/+elderly, +disabled / +nondisabled, +rural / +urban:
  the dimension attribute keeps "children" of an age group apart from the children's
  guarantee. A file has the columns of the categories its values are split by;
- #meta+period the reporting period, #date+achieved a milestone's date, #status,
  #meta+evidence+url, #meta+evidence, #description the comment, #meta+version the version
  read.

Readers' rights are the caller's: it passes the values the reader may see
(ResultValue.objects.public() for anyone, visible_to(user) for members).
"""

import datetime
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core.spreadsheets.cells import ColumnNote
from core.translations import translated
from countries.models import Country
from results.disaggregations import CATEGORIES, Dimension
from results.models import Indicator, ResultValue, ReviewStatus, Target, Unit, ValuePart

# Values read from the database this many at a time (their parts with them): memory stays
# flat whatever the number of values.
CHUNK = 2000

# The HXL attributes of each category (lowercase letters and underscores: HXL's syntax).
PART_ATTRIBUTES: dict[tuple[str, str], str] = {
    (Dimension.SEX, "f"): "+sex+f",
    (Dimension.SEX, "m"): "+sex+m",
    (Dimension.AGE, "children"): "+age+children",
    (Dimension.AGE, "working-age"): "+age+adults",
    (Dimension.AGE, "older"): "+age+elderly",
    (Dimension.GUARANTEE, "health"): "+guarantee+health",
    (Dimension.GUARANTEE, "children"): "+guarantee+children",
    (Dimension.GUARANTEE, "working-age"): "+guarantee+adults",
    (Dimension.GUARANTEE, "older"): "+guarantee+elderly",
    (Dimension.DISABILITY, "yes"): "+disabled",
    (Dimension.DISABILITY, "no"): "+nondisabled",
    (Dimension.AREA, "rural"): "+rural",
    (Dimension.AREA, "urban"): "+urban",
}


@dataclass(frozen=True)
class Column:
    key: str  # the import reads the column by this key
    header: Any  # lazy: the header in the reader's language
    tag: str  # the HXL hashtag
    meaning: Any = ""
    read_only: bool = False  # for reading: the import ignores it


def part_key(dimension: str, category: str) -> str:
    return f"part:{dimension}:{category}"


def part_header(dimension: str, category_label: Any) -> str:
    return f"{Dimension(dimension).label}: {category_label}"


def part_columns(parts: list[tuple[str, str]]) -> list[Column]:
    """One column per category given, in results.disaggregations' order."""
    labels = {(dimension, code): label for dimension, code, label in ALL_CATEGORIES}
    return [
        Column(
            part_key(dimension, code),
            part_header(dimension, labels[(dimension, code)]),
            f"#indicator+value{PART_ATTRIBUTES[(dimension, code)]}",
            _("The part of the value for this category, if the value is split."),
        )
        for dimension, code in parts
    ]


def columns(parts: list[tuple[str, str]] | None = None, *, hxl: bool = False) -> list[Column]:
    """The columns of a results file, in order (headers in the active language): the parts'
    columns of `parts` (every category by default), the people-reached column in HXL only
    (for 3W tools; a spreadsheet reader has the value beside it)."""
    people = [
        Column("reached", _("People reached"), "#reached+num",
               _("The value again, for indicators counting people (for HXL tools)."),
               read_only=True),
        Column("targeted", _("People targeted"), "#targeted+num",
               _("The target again, for indicators counting people (for HXL tools)."),
               read_only=True),
    ] if hxl else []  # fmt: skip
    return [
        Column("reference", _("Activity reference"), "#activity+code",
               _("The activity's public reference (SPF-...).")),
        Column("country_code", _("Country code"), "#country+code",
               _("The country (ISO 3166-1 alpha-3) the value is for: the activity's own "
                 "country, or one of its countries for a multi-country activity.")),
        *([Column("country", _("Country"), "#country+name", _("For reading."),
                  read_only=True)] if hxl else []),
        Column("indicator_code", _("Indicator code"), "#indicator+code",
               _("The indicator's code in the hub's library (SDG-1.3.1, LAW...).")),
        Column("indicator", _("Indicator"), "#indicator+name", _("For reading."),
               read_only=True),
        Column("period", _("Period"), "#meta+period",
               _("The reporting period, by its label in the hub.")),
        Column("value", _("Value"), "#indicator+value+num",
               _("A number: people, a percentage from 0 to 100, a count, an amount in the "
                 "indicator's currency; 1 (reached) or 0 for a milestone.")),
        *people,
        *part_columns(PARTS if parts is None else parts),
        Column("target", _("Target"), "#indicator+target+num",
               _("The activity's target for the indicator (for reading)."), read_only=True),
        Column("achieved_on", _("Reached on"), "#date+achieved",
               _("For a milestone: the date it was reached (YYYY-MM-DD).")),
        Column("status", _("Status"), "#status",
               _("Draft, submitted, approved or returned (for reading: an imported value "
                 "is a draft until submitted)."), read_only=True),
        Column("evidence_url", _("Evidence (link)"), "#meta+evidence+url",
               _("A link to the evidence.")),
        Column("evidence_note", _("Evidence (note)"), "#meta+evidence",
               _("A short note on the evidence.")),
        Column("comment", _("Comment"), "#description", _("A comment on the value.")),
        Column("version", _("Version"), "#meta+version",
               _("The value's version when the file was downloaded: keep it, so that "
                 "sending the file back never undoes a change made in the hub since.")),
    ]  # fmt: skip


ALL_CATEGORIES = [
    (dimension, code, label) for dimension, categories in CATEGORIES.items()
    for code, label in categories
]  # fmt: skip
PARTS = [(dimension, code) for dimension, code, _label in ALL_CATEGORIES]


def parts_used(values: QuerySet[ResultValue]) -> list[tuple[str, str]]:
    """The categories the values are split by, in PARTS' order: a file has a column for
    each (a column nobody fills is width for nothing in a 100,000-row file)."""
    found = set(
        ValuePart.objects.filter(result__in=values.order_by().values("pk"))
        .values_list("dimension", "category")
        .distinct()
    )
    return [part for part in PARTS if part in found]


VALUE_FIELDS = (
    "pk",
    "activity_indicator__activity__reference",
    "activity_indicator__activity__country_id",
    "activity_indicator_id",
    "activity_indicator__indicator_id",
    "country_id",
    "period__label",
    "period__end",
    "value",
    "achieved_on",
    "status",
    "evidence_url",
    "evidence_note",
    "comment",
    "version",
)
ONE = Decimal(1)


def number(value: Decimal | None) -> Decimal | int | None:
    """A stored number as the reader wrote it: 12400 rather than 12400.00."""
    if value is None:
        return None
    return int(value) if value % ONE == 0 else value.normalize()


class Reference:
    """What a file names many times over, read (and translated) once: the countries, the
    indicators' codes, names and units, the statuses' labels."""

    def __init__(self) -> None:
        self.countries = {
            pk: (Country(code=code).alpha3, name)
            for pk, code, name in Country.objects.values_list("pk", "code", "name")
        }
        self.indicators = {
            indicator.pk: (indicator.code, translated(indicator, "name"),
                           indicator.unit == Unit.PEOPLE)
            for indicator in Indicator.objects.all()
        }  # fmt: skip
        self.statuses = {value: str(label) for value, label in ReviewStatus.choices}


def parts_of(ids: list[int]) -> dict[int, dict[tuple[str, str], Decimal]]:
    found: dict[int, dict[tuple[str, str], Decimal]] = defaultdict(dict)
    rows = ValuePart.objects.filter(result_id__in=ids).values_list(
        "result_id", "dimension", "category", "value"
    )
    for result_id, dimension, category, value in rows:
        found[result_id][(dimension, category)] = value
    return found


def targets_of(ids: set[int]) -> dict[int, list[tuple[datetime.date, int | None, Decimal]]]:
    """Each indicator-of-an-activity's targets, by date."""
    found: dict[int, list[tuple[datetime.date, int | None, Decimal]]] = defaultdict(list)
    rows = (
        Target.objects.filter(activity_indicator_id__in=ids)
        .order_by("date", "pk")
        .values_list("activity_indicator_id", "date", "country_id", "value")
    )
    for link_id, date, country_id, value in rows:
        found[link_id].append((date, country_id, value))
    return found


def target_for(
    targets: list[tuple[datetime.date, int | None, Decimal]],
    country_id: int | None,
    period_end: datetime.date,
) -> Decimal | None:
    """The target a period's value is measured against: the first one due at the period's
    end or later (else the last), for the value's country or for the whole activity."""
    mine = [(date, value) for date, country, value in targets if country in (country_id, None)]
    if not mine:
        return None
    for date, value in mine:
        if date >= period_end:
            return value
    return mine[-1][1]


def value_rows(
    values: QuerySet[ResultValue], parts: list[tuple[str, str]], *, hxl: bool = False
) -> Iterator[list]:
    """One list of cells per value of `values` (in columns(parts, hxl=hxl)'s order),
    activity by activity, indicator by indicator, period by period: three queries per CHUNK
    values."""
    reference = Reference()
    ordered = values.order_by(
        "activity_indicator__activity__reference",
        "activity_indicator__indicator__position",
        "activity_indicator__indicator__code",
        "period__start",
        "country_id",
        "pk",
    ).values_list(*VALUE_FIELDS)
    chunk: list[tuple] = []
    for row in ordered.iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield from chunk_rows(chunk, reference, parts, hxl)
            chunk = []
    if chunk:
        yield from chunk_rows(chunk, reference, parts, hxl)


def chunk_rows(
    chunk: list[tuple], reference: Reference, parts: list[tuple[str, str]], hxl: bool
) -> Iterator[list]:
    split = parts_of([row[0] for row in chunk]) if parts else {}
    targets = targets_of({row[3] for row in chunk})
    countries, indicators, statuses = reference.countries, reference.indicators, reference.statuses
    nothing: dict = {}
    for row in chunk:
        pk, ref, activity_country, link_id, indicator_id, country_id, period, end = row[:8]
        value, achieved_on, status, url, note, comment, version = row[8:]
        code, name, people = indicators[indicator_id]
        shown = number(value)
        target = number(target_for(targets.get(link_id, []), country_id, end))
        alpha3, country = countries.get(country_id or activity_country, ("", ""))
        cells = [ref, alpha3, country, code] if hxl else [ref, alpha3, code]
        cells += [
            name,
            period,
            shown,
        ]
        if hxl:
            cells += [shown, target] if people else [None, None]
        if parts:
            found = split.get(pk, nothing)
            cells += [number(found.get(part)) for part in parts]
        cells += [
            target,
            achieved_on,
            statuses.get(status, status),
            url,
            note,
            comment,
            version,
        ]
        yield cells


class ResultTable:
    """The header, then one row per value: a table exporter of core.spreadsheets."""

    def __init__(self, values: QuerySet[ResultValue]) -> None:
        self.values = values
        self.parts = parts_used(values)

    def iter_table(self) -> Iterator[list[Any]]:
        yield [str(column.header) for column in columns(self.parts)]
        yield from value_rows(self.values, self.parts)

    def column_notes(self) -> list[ColumnNote]:
        return [
            ColumnNote(str(column.header), str(column.meaning)) for column in columns(self.parts)
        ]


def hxl_rows(values: QuerySet[ResultValue]) -> Iterator[list[Any]]:
    """The HXL file: the header row, the hashtag row, then the values."""
    parts = parts_used(values)
    layout = columns(parts, hxl=True)
    yield [str(column.header) for column in layout]
    yield [column.tag for column in layout]
    yield from value_rows(values, parts, hxl=True)
