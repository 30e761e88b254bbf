"""The bars of the hub's server-drawn SVG bar charts (the dashboard's, the funding page's):
each template draws a <rect> in a 100-wide viewBox, so a bar's width is a percentage."""

from decimal import Decimal


def bar_width(amount: int | Decimal, highest: int | Decimal) -> str:
    """A bar's length in percent of the chart's longest, for an SVG <rect>'s width."""
    return f"{100 * amount / highest:.1f}" if highest else "0"
