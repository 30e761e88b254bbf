"""How a result's number is read from what a person typed and how it is written back in the
reader's language ("12,400", "12 400", "45.5 %", "USD 1,200,000", "reached")."""

from decimal import Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import gettext as _

from results.choices import Unit


class NotANumber(ValueError):
    """What was typed is not a number (the message quotes it)."""


def parse_number(text: object) -> Decimal | None:
    """A Decimal from a form's or a file's text: None for blank. Spaces and the thousands
    separators people type ("12 400", "12,400", "12.400,5") are understood; anything else
    raises NotANumber."""
    if text is None:
        return None
    if isinstance(text, Decimal | int | float):
        return Decimal(str(text))
    raw = str(text).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not raw:
        return None
    if "," in raw and "." in raw:
        # The later one is the decimal mark: "12.400,5" or "12,400.5".
        thousands = "." if raw.rfind(",") > raw.rfind(".") else ","
        raw = raw.replace(thousands, "").replace(",", ".")
    elif raw.count(",") == 1 and len(raw.split(",")[1]) != 3:
        raw = raw.replace(",", ".")  # a decimal comma: "45,5"
    else:
        raw = raw.replace(",", "")  # thousands: "12,400" or "1,200,000"
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise NotANumber(_("“%(text)s” is not a number.") % {"text": str(text).strip()}) from None
    if not number.is_finite():
        raise NotANumber(_("“%(text)s” is not a number.") % {"text": str(text).strip()})
    return number


def plain(number: Decimal) -> str:
    """A number in the reader's language, grouped, without needless decimals."""
    exponent = number.normalize().as_tuple().exponent
    places = max(0, min(2, -exponent)) if isinstance(exponent, int) else 0
    return formats.number_format(number, places, use_l10n=True, force_grouping=True)


def show(number: Decimal | None, unit: str, currency: str = "") -> str:
    """The number as the indicator's unit says it."""
    if number is None:
        return "—"
    if unit == Unit.MILESTONE:
        return _("reached") if number else _("not reached")
    if unit == Unit.PERCENT:
        return _("%(number)s %%") % {"number": plain(number)}
    if unit == Unit.AMOUNT and currency:
        return f"{currency} {plain(number)}"
    return plain(number)
