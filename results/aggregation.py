"""How the values of several activities make one figure (the indicator's rule): people
reached by several activities may be the same people, so counts are not summed blindly.

A stand-in written by the results pages (R2) against the spec until R1's lands: R1's
version replaces this file at the merge."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from results.choices import Aggregation


@dataclass(frozen=True)
class Combined:
    value: Decimal | None
    rule: str  # an Aggregation value
    count: int  # the values combined

    @property
    def sentence(self) -> str:
        """'at least 12,400: the largest of 3 activities'."""
        if self.value is None:
            return ""
        shown = number_format(self.value.normalize(), force_grouping=True)
        if self.rule == Aggregation.LARGEST:
            return ngettext(
                "at least %(value)s: the largest of %(count)d activity",
                "at least %(value)s: the largest of %(count)d activities",
                self.count,
            ) % {"value": shown, "count": self.count}
        if self.rule == Aggregation.SUM:
            return ngettext(
                "%(value)s: the sum of %(count)d activity",
                "%(value)s: the sum of %(count)d activities",
                self.count,
            ) % {"value": shown, "count": self.count}
        if self.rule == Aggregation.LATEST:
            return gettext("%(value)s: the latest value") % {"value": shown}
        return ""


def combine(indicator, values: Sequence[Decimal]) -> Combined:
    values = list(values)
    rule = indicator.aggregation
    if not values or rule == Aggregation.NONE:
        return Combined(None, rule, len(values))
    if rule == Aggregation.SUM:
        return Combined(sum(values, Decimal(0)), rule, len(values))
    if rule == Aggregation.LARGEST:
        return Combined(max(values), rule, len(values))
    return Combined(values[-1], rule, len(values))
