"""A results file checked: one row per value (activity reference, country, indicator code,
period, value, its parts as columns; read by imports.results_sheet), so a downloaded file
corrected and sent back changes exactly what was corrected.

Each row is checked as the value form checks it (results.checks.check_value) and against
the rights (a member reports on their agencies' activities only); a row with a problem gets
a message naming its row, column and reason. A row equal to what the hub holds is
unchanged: importing the same file twice changes nothing the second time.

Nothing here writes: imports.results_apply writes the checked rows, all or nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from accounts.roles import agency_ids, is_secretariat
from activities.models import Activity, ActivityAgency
from core.names import name_key
from countries.models import Country
from imports.results_sheet import ResultsSheet
from results.checks import check_value, part_field
from results.models import ActivityIndicator, Indicator, ReportingPeriod, ResultValue
from results.numbers import NotANumber, parse_number
from results.open_data import PARTS, part_key
from results.services import EDITABLE

TEXT_FIELDS = ("evidence_url", "evidence_note", "comment")

Error = tuple[str, str, str]  # (column, value as written, reason)


# Checking --------------------------------------------------------------------------------


@dataclass
class ResultRow:
    """A row as read and checked: the value it asks for, or its errors."""

    number: int
    reference: str
    cells: dict[str, Any]
    errors: list[Error] = field(default_factory=list)
    activity_id: int | None = None
    indicator_id: int | None = None
    period_id: int | None = None
    country_id: int | None = None
    value: Decimal | None = None
    parts: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    achieved_on: datetime.date | None = None
    texts: dict[str, str] = field(default_factory=dict)
    existing_id: int | None = None
    existing_version: int | None = None
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    label: str = ""


@dataclass
class ResultsCheck:
    rows: list[ResultRow]
    headers: dict[str, str]  # key -> the file's header, for messages
    ignored: list[str]

    @property
    def errors(self) -> list[ResultRow]:
        return [row for row in self.rows if row.errors]

    @property
    def planned(self) -> list[ResultRow]:
        return [row for row in self.rows if not row.errors and row.changes]

    @property
    def unchanged(self) -> list[ResultRow]:
        return [row for row in self.rows if not row.errors and not row.changes]


def shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class Lookup:
    """What the rows name, read once for the whole file: activities, indicators, periods,
    countries, the activities' indicators and values, and the rows the user may report on."""

    def __init__(self, rows: list[tuple[int, dict[str, Any]]], user) -> None:
        references = {str(cells.get("reference") or "").strip().upper() for _n, cells in rows}
        self.activities = {
            activity.reference: activity
            for activity in Activity.objects.filter(reference__in=references).only(
                "pk", "reference", "country_id", "start_date", "end_date"
            )
        }
        self.indicators = {name_key(i.code): i for i in Indicator.objects.all()}
        self.periods = {name_key(p.label): p for p in ReportingPeriod.objects.all()}
        self.countries: dict[str, Country] = {}
        for country in Country.objects.all():
            self.countries[country.alpha3.upper()] = country
            self.countries[str(country.code).upper()] = country
        ids = [activity.pk for activity in self.activities.values()]
        self.links = {
            (link.activity_id, link.indicator_id): link
            for link in ActivityIndicator.objects.filter(activity_id__in=ids)
        }
        self.values: dict[tuple, ResultValue] = {}
        for value in (
            ResultValue.objects.filter(activity_indicator__activity_id__in=ids)
            .select_related("activity_indicator", "period")
            .prefetch_related("parts")
        ):
            key = (value.activity_indicator.activity_id, value.activity_indicator.indicator_id,
                   value.period_id, value.country_id)  # fmt: skip
            self.values[key] = value
        self.secretariat = is_secretariat(user)
        mine = agency_ids(user)
        self.reports_on = set(
            ActivityAgency.objects.filter(activity_id__in=ids, agency_id__in=mine).values_list(
                "activity_id", flat=True
            )
        )
        self.agencies: dict[int, list[str]] = {}
        for activity_id, acronym in (
            ActivityAgency.objects.filter(activity_id__in=ids)
            .order_by("agency__acronym")
            .values_list("activity_id", "agency__acronym")
        ):
            self.agencies.setdefault(activity_id, []).append(acronym)

    def may_report_on(self, activity: Activity) -> bool:
        """results.report_on_activity (the secretariat, or a member of one of its agencies),
        for every row at once."""
        return self.secretariat or activity.pk in self.reports_on

    def existing(self, row: ResultRow, activity: Activity) -> ResultValue | None:
        key = (row.activity_id, row.indicator_id, row.period_id)
        found = self.values.get((*key, row.country_id))
        if found is None and row.country_id == activity.country_id:
            # The activity's own country: a value "for the whole activity" is the same one.
            found = self.values.get((*key, None))
        return found


def check_results(sheet: ResultsSheet, user) -> ResultsCheck:
    """Every row of the sheet, read and checked; nothing is written."""
    raw = [(number, cells_of(sheet, cells)) for number, cells in sheet.rows]
    headers = {key: sheet.header_of(key) for key in filter(None, sheet.keys)}
    ignored = [h for h, k in zip(sheet.headers, sheet.keys, strict=False) if h and k is None]
    lookup = Lookup(raw, user)
    seen: dict[tuple, int] = {}
    rows = []
    for number, cells in raw:
        row = check_row(number, cells, lookup, headers)
        if not row.errors:
            key = (row.activity_id, row.indicator_id, row.period_id, row.country_id)
            if key in seen:
                row.errors.append((
                    headers["period"], cells.get("period") or "",
                    _("Row %(row)s already gives this activity's value for this indicator, "
                      "period and country.") % {"row": seen[key]},
                ))  # fmt: skip
            seen.setdefault(key, number)
        rows.append(row)
    return ResultsCheck(rows, headers, ignored)


def cells_of(sheet: ResultsSheet, cells: list[Any]) -> dict[str, Any]:
    read = {}
    for key, cell in zip(sheet.keys, cells, strict=False):
        if key is not None:
            read[key] = cell.strip() if isinstance(cell, str) else cell
    return read


def check_row(
    number: int, cells: dict[str, Any], lookup: Lookup, headers: dict[str, str]
) -> ResultRow:
    reference = shown(cells.get("reference")).strip().upper()
    row = ResultRow(number, reference, cells)

    def error(key: str, reason: str) -> None:
        row.errors.append((headers.get(key, key), shown(cells.get(key)), reason))

    activity = lookup.activities.get(reference)
    if not reference:
        error("reference", _("Give the activity's reference (SPF-...)."))
    elif activity is None:
        error("reference", _("The hub has no activity with this reference."))
    elif not lookup.may_report_on(activity):
        agencies = ", ".join(lookup.agencies.get(activity.pk, [])) or "-"
        error(
            "reference",
            _("You report only on your agencies' activities; this one is %(agencies)s'.")
            % {"agencies": agencies},
        )
    indicator = lookup.indicators.get(name_key(shown(cells.get("indicator_code"))))
    if indicator is None:
        error("indicator_code", _("The hub's library has no indicator with this code."))
    period = lookup.periods.get(name_key(shown(cells.get("period"))))
    if period is None:
        error("period", _("The hub has no reporting period with this label."))
    country_text = shown(cells.get("country_code")).strip().upper()
    country = lookup.countries.get(country_text) if country_text else None
    if country_text and country is None:
        error("country_code", _("Not an ISO country code the hub knows."))
    achieved_on = cells.get("achieved_on")
    if isinstance(achieved_on, datetime.datetime):
        achieved_on = achieved_on.date()
    if isinstance(achieved_on, str) and achieved_on:
        try:
            achieved_on = datetime.date.fromisoformat(achieved_on)
        except ValueError:
            error("achieved_on", _("Write the date as YYYY-MM-DD."))
    url = shown(cells.get("evidence_url"))
    if url:
        try:
            URLValidator()(url)
        except ValidationError:
            error("evidence_url", _("Not a web address (https://...)."))
    if row.errors:
        return row
    row.activity_id, row.indicator_id, row.period_id = activity.pk, indicator.pk, period.pk
    row.country_id = None if country is None or country.pk == activity.country_id else country.pk
    row.label = f"{indicator.code} · {period.label}"
    # A column the file does not have keeps what the hub holds.
    row.texts = {name: shown(cells.get(name)) for name in TEXT_FIELDS if name in cells}
    existing = lookup.existing(row, activity)
    if "achieved_on" not in cells and existing is not None:
        achieved_on = existing.achieved_on
    kept = stored_parts(existing) if existing is not None else {}
    raw_parts = {part: number for part, number in kept.items() if part_key(*part) not in cells}
    raw_parts.update({
        part: cells.get(part_key(*part))
        for part in PARTS
        if part_key(*part) in cells and cells.get(part_key(*part)) not in (None, "")
    })  # fmt: skip
    if existing is not None and same(existing, cells.get("value"), raw_parts, row, achieved_on):
        return row  # unchanged (even in a locked period): nothing to check, nothing to write
    check = check_value(
        indicator, activity, period, cells.get("value"), raw_parts,
        country_id=country.pk if country else None,
        achieved_on=achieved_on or None, existing=existing,
    )  # fmt: skip
    for name, message in check.errors.items():
        error(error_column(name), message)
    if row.errors:
        return row
    row.value, row.parts, row.achieved_on = check.value, check.parts, achieved_on or None
    if existing is None:
        row.changes = new_cells(row, headers)
        return row
    row.existing_id, row.existing_version = existing.pk, existing.version
    if not lookup.secretariat and existing.status not in EDITABLE:
        error(
            "value",
            _("This value is %(status)s: only the secretariat changes it now.")
            % {"status": existing.get_status_display().lower()},
        )
        return row
    version = cells.get("version")
    if version not in (None, "") and shown(version) != str(existing.version):
        error(
            "version",
            _("The value changed in the hub since your file was downloaded (version "
              "%(file)s, now %(hub)s): download it again and make your change there.")
            % {"file": shown(version), "hub": existing.version},
        )  # fmt: skip
        return row
    row.changes = changed_cells(existing, row, headers)
    return row


def error_column(name: str) -> str:
    """The column (results.open_data key) of a check's field."""
    for dimension, category in PARTS:
        if name == part_field(dimension, category):
            return part_key(dimension, category)
    return {"country": "country_code"}.get(name, name)


def stored_parts(value: ResultValue) -> dict[tuple[str, str], Decimal]:
    return {(part.dimension, part.category): part.value for part in value.parts.all()}


def same(existing: ResultValue, raw_value, raw_parts: dict, row: ResultRow, achieved_on) -> bool:
    """The row says what the hub holds (numbers compared as numbers: 12400 is 12,400.00)."""
    try:
        value = parse_number(raw_value)
        parts = {part: parse_number(raw) for part, raw in raw_parts.items()}
    except NotANumber:
        return False
    return (
        existing.value == value
        and stored_parts(existing) == parts
        and existing.achieved_on == (achieved_on or None)
        and all(getattr(existing, name) == text for name, text in row.texts.items())
    )


def new_cells(row: ResultRow, headers: dict[str, str]) -> list[tuple[str, str, str]]:
    changes = [(headers["value"], "", shown(row.value))]
    for part, number in row.parts.items():
        changes.append((headers.get(part_key(*part), part_key(*part)), "", shown(number)))
    return changes


def changed_cells(
    existing: ResultValue, row: ResultRow, headers: dict[str, str]
) -> list[tuple[str, str, str]]:
    changes = []
    if existing.value != row.value:
        changes.append((headers["value"], shown(existing.value), shown(row.value)))
    before = stored_parts(existing)
    for part in PARTS:
        if before.get(part) != row.parts.get(part):
            header = headers.get(part_key(*part), part_key(*part))
            changes.append((header, shown(before.get(part)), shown(row.parts.get(part))))
    if existing.achieved_on != row.achieved_on:
        header = headers.get("achieved_on", "achieved_on")
        changes.append((header, shown(existing.achieved_on), shown(row.achieved_on)))
    for name in row.texts:
        if getattr(existing, name) != row.texts[name]:
            header = headers.get(name, name)
            changes.append((header, getattr(existing, name), row.texts[name]))
    return changes
