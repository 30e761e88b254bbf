"""Form helpers shared by the apps' forms."""

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.names import AmbiguousName

T = TypeVar("T")

# Typed in several forms (activities, focal points).
UNKNOWN_COUNTRY = _("“%(value)s” is not a country we know: pick one from the list.")


def resolve_typed_name(
    typed: str, lookup: Callable[[str], T | None], *, message: str | Promise, code: str
) -> T | None:
    """The object a person typed by name, code or variant in an autocomplete input, or None
    for an empty field. A name the hub does not know is a field error: `message` quotes it
    as %(value)s (one whole sentence per kind of thing, so that translators can agree it);
    a name that several things have (core.names.AmbiguousName) is one naming them."""
    typed = typed.strip()
    if not typed:
        return None
    try:
        found = lookup(typed)
    except AmbiguousName as error:
        raise ValidationError(
            _("“%(value)s” could be several: %(names)s. Pick one from the list.")
            % {"value": typed, "names": ", ".join(error.candidates)},
            code=f"{code}_ambiguous",
        ) from error
    if found is None:
        raise ValidationError(str(message) % {"value": typed}, code=code)
    return found
