"""The checks of a result's value, stated and written once: the value form, the review and
the spreadsheet import all ask `check_value`, which says what is wrong field by field (an
error: nothing is saved) and what looks odd (a warning: saved, and shown).

Errors: a value that is not a number; a percent above 100 or below 0; a negative count or
amount; an amount whose currency is not known or differs from the indicator's; a milestone
reached without its date; a period outside the activity's dates; a locked period; a country
the activity does not cover; a part for a disaggregation the indicator does not accept, or an
unknown category; parts of one disaggregation adding up to more than the total.
Warning: parts of one disaggregation that do not add up to the total.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from activities.models import Activity
from countries.models import Country
from results.choices import Unit
from results.disaggregations import CATEGORIES, Dimension, category_label
from results.models import Indicator, ReportingPeriod, ResultValue
from results.numbers import NotANumber, parse_number, show

HUNDRED = Decimal(100)


@dataclass
class ValueCheck:
    """What check_value found: `errors` (field -> message), `warnings`, and the numbers read
    (`value`, `parts`: {(dimension, category): Decimal}) when there is no error."""

    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    value: Decimal | None = None
    parts: dict[tuple[str, str], Decimal] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)


def part_field(dimension: str, category: str) -> str:
    """The form field (and error key) of a part: "part-sex-f"."""
    return f"part-{dimension}-{category}"


def covers(activity: Activity, country_id: int) -> bool:
    """The activity happens in the country (its own, or one it shares): a value may be for
    it (activities.models.ActivityQuerySet.covering)."""
    if country_id == activity.country_id:
        return True
    country = Country.objects.filter(pk=country_id).first()
    return (
        country is not None and Activity.objects.covering(country).filter(pk=activity.pk).exists()
    )


def _number(check: ValueCheck, name: str, raw: object, indicator: Indicator) -> Decimal | None:
    try:
        number = parse_number(raw)
    except NotANumber as error:
        check.add(name, str(error))
        return None
    if number is None:
        return None
    if indicator.unit == Unit.PERCENT and not (0 <= number <= HUNDRED):
        check.add(name, _("A percentage is between 0 and 100: %(n)s is not.") % {"n": raw})
    elif number < 0:
        check.add(name, _("A count or an amount cannot be negative: %(n)s.") % {"n": raw})
    elif indicator.unit == Unit.MILESTONE and number not in (0, 1):
        check.add(name, _("A milestone is reached (1) or not (0)."))
    return number


def check_value(
    indicator: Indicator,
    activity: Activity,
    period: ReportingPeriod | None,
    raw_value: object,
    raw_parts: Mapping[tuple[str, str], object] | None = None,
    *,
    country_id: int | None = None,
    achieved_on=None,
    currency: str | None = None,
    existing: ResultValue | None = None,
) -> ValueCheck:
    """Check a value of `indicator` for `activity` in `period` before it is saved.

    `raw_value` and the parts' values are what the person typed (text or numbers);
    `currency` the currency a file names, if any; `existing` the value being changed (a value
    the secretariat unlocked may be changed in a locked period)."""
    check = ValueCheck()
    value = _number(check, "value", raw_value, indicator)
    if value is None and "value" not in check.errors:
        check.add("value", _("Enter the value."))
    if indicator.unit == Unit.AMOUNT:
        known = (currency or "").strip().upper()
        if not (known or indicator.currency):
            check.add("value", _("An amount needs its currency (ISO 4217, e.g. USD)."))
        elif known and indicator.currency and known != indicator.currency:
            check.add(
                "value",
                _("This indicator is counted in %(expected)s, not %(given)s.")
                % {"expected": indicator.currency, "given": known},
            )
    if indicator.unit == Unit.MILESTONE and value == 1 and achieved_on is None:
        check.add("achieved_on", _("Give the date the milestone was reached."))
    _check_period(check, activity, period, existing)
    if country_id is not None and not covers(activity, country_id):
        check.add("country", _("The activity does not cover this country."))
    parts = _check_parts(check, indicator, raw_parts or {})
    if check.ok and value is not None:
        _check_sums(check, indicator, value, parts)
    if check.ok:
        check.value, check.parts = value, parts
    return check


def _check_period(
    check: ValueCheck,
    activity: Activity,
    period: ReportingPeriod | None,
    existing: ResultValue | None,
) -> None:
    if period is None:
        check.add("period", _("Choose the period."))
        return
    if (activity.start_date and period.end < activity.start_date) or (
        activity.end_date and period.start > activity.end_date
    ):
        check.add(
            "period",
            _("The period %(period)s is outside the activity's dates (%(start)s to %(end)s).")
            % {
                "period": period.label,
                "start": activity.start_date or "…",
                "end": activity.end_date or "…",
            },
        )
    elif period.is_locked and not (existing is not None and not existing.is_locked):
        check.add(
            "period",
            _(
                "The period %(period)s is locked: its round is closed. Ask the secretariat "
                "to unlock the value."
            )
            % {"period": period.label},
        )


def _check_parts(
    check: ValueCheck, indicator: Indicator, raw_parts: Mapping[tuple[str, str], object]
) -> dict[tuple[str, str], Decimal]:
    parts: dict[tuple[str, str], Decimal] = {}
    for (dimension, category), raw in raw_parts.items():
        name = part_field(dimension, category)
        if dimension not in indicator.dimensions:
            label = Dimension(dimension).label if dimension in Dimension.values else dimension
            check.add(
                name,
                _("%(indicator)s is not split by %(dimension)s.")
                % {"indicator": indicator.code, "dimension": label},
            )
            continue
        if category not in dict(CATEGORIES[dimension]):
            check.add(name, _("“%(category)s” is not a category here.") % {"category": category})
            continue
        number = _number(check, name, raw, indicator)
        if number is not None:
            parts[(dimension, category)] = number
    return parts


def _check_sums(
    check: ValueCheck, indicator: Indicator, value: Decimal, parts: dict[tuple[str, str], Decimal]
) -> None:
    """Parts of a count add up to at most the total (an error) and, ideally, to the total
    (a warning: a partner may know some of the parts only). Percentages are rates of each
    group: they do not add up."""
    if not indicator.is_count:
        return
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for (dimension, _category), number in parts.items():
        sums[dimension] += number
    for dimension, total in sums.items():
        label = Dimension(dimension).label
        figures = {
            "dimension": label,
            "parts": show(total, indicator.unit),
            "total": show(value, indicator.unit),
        }
        first = part_field(dimension, next(c for d, c in parts if d == dimension))
        if total > value:
            check.add(
                first,
                _("The parts by %(dimension)s (%(parts)s) exceed the total (%(total)s).") % figures,
            )
        elif total != value:
            check.warnings.append(
                _("The parts by %(dimension)s (%(parts)s) do not add up to the total (%(total)s).")
                % figures
            )


def describe_part(dimension: str, category: str) -> str:
    return f"{Dimension(dimension).label}: {category_label(dimension, category)}"
