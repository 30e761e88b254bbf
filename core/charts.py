"""What the hub's server-drawn bar charts share (the dashboard's, the funding page's)."""

from decimal import Decimal


def bar_width(amount: int | Decimal, highest: int | Decimal) -> str:
    """A bar's length in percent of the chart's longest, for an SVG <rect>'s width."""
    return f"{100 * amount / highest:.1f}" if highest else "0"
