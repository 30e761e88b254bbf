"""Template filters of the results pages: a number in its indicator's unit, a part's
label, an indicator's name in the reader's language."""

from django import template

from core.translations import translated
from results.disaggregations import Dimension, category_label
from results.numbers import show

register = template.Library()


@register.filter
def in_unit(number, indicator) -> str:
    """{{ value|in_unit:indicator }}: "12,400", "45.5 %", "USD 1,200", "reached"."""
    return show(number, indicator.unit, indicator.currency)


@register.filter
def part_label(part) -> str:
    """{{ part|part_label }}: "Sex: Women and girls"."""
    return f"{Dimension(part.dimension).label}: {category_label(part.dimension, part.category)}"


@register.filter
def local(item, field: str = "name") -> str:
    """{{ indicator|local }} or {{ indicator|local:"definition" }}: in the reader's language."""
    return translated(item, field)
