"""How the values of several activities make one figure, by the indicator's rule, and the
sentence that says which rule was used ("at least 12,400: the largest of 3 activities").

People reached by several activities may be the same people: counts are summed only when
the indicator says they may be (Aggregation.SUM); otherwise the largest is a floor ("at
least"), the latest is the most recent report, and "never added" gives no figure at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from results.choices import Aggregation
from results.numbers import show


@dataclass(frozen=True)
class Combined:
    value: Decimal | None  # None: nothing to show (no value, or "never added")
    rule: str  # an Aggregation value
    count: int  # how many values went into it
    unit: str = ""
    currency: str = ""

    def sentence(self) -> str:
        """What the figure is, in the reader's language."""
        n = self.count
        if n == 0:
            return _("no value reported")
        if self.rule == Aggregation.NONE or self.value is None:
            return ngettext(
                "not added up: %(n)s activity reported",
                "not added up: %(n)s activities reported",
                n,
            ) % {"n": n}
        figure = show(self.value, self.unit, self.currency)
        if n == 1:
            return _("%(figure)s: one activity") % {"figure": figure}
        if self.rule == Aggregation.SUM:
            template = ngettext(
                "%(figure)s: the sum of %(n)s activity",
                "%(figure)s: the sum of %(n)s activities",
                n,
            )
        elif self.rule == Aggregation.LARGEST:
            template = ngettext(
                "at least %(figure)s: the largest of %(n)s activity",
                "at least %(figure)s: the largest of %(n)s activities",
                n,
            )
        else:
            template = ngettext(
                "%(figure)s: the latest of %(n)s activity",
                "%(figure)s: the latest of %(n)s activities",
                n,
            )
        return template % {"figure": figure, "n": n}

    def __str__(self) -> str:
        return self.sentence()


def _amount(item: object) -> Decimal:
    return item.value if hasattr(item, "value") else Decimal(str(item))


def _when(item: object) -> tuple[date, date]:
    """A value's date for "latest": the end of its period, then the day it was reached."""
    period = getattr(item, "period", None)
    end = period.end if period is not None else date.min
    return (end, getattr(item, "achieved_on", None) or date.min)


def combine(indicator, values: Iterable[object]) -> Combined:
    """One figure for `values` (ResultValues, one per activity, or plain numbers) by the
    indicator's rule. For "latest", ResultValues are ordered by their period's end (plain
    numbers: the last given)."""
    items = list(values)
    rule = indicator.aggregation
    n = len(items)
    unit, currency = indicator.unit, indicator.currency
    if not items or rule == Aggregation.NONE:
        return Combined(None, rule, n, unit, currency)
    if rule == Aggregation.SUM:
        total = sum((_amount(item) for item in items), Decimal(0))
    elif rule == Aggregation.LARGEST:
        total = max(_amount(item) for item in items)
    else:
        ordered = sorted(enumerate(items), key=lambda pair: (_when(pair[1]), pair[0]))
        total = _amount(ordered[-1][1])
    return Combined(total, rule, n, unit, currency)
