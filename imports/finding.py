"""Finding a name a cell holds in an index of the hub's names (core.names.NameIndex): the
record, or a CellError whose message names the value and what was probably meant. Used by
imports.matching (countries, agencies, tools...) and imports.places (places, themes).
"""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.names import AmbiguousName, NameIndex, NameNotFound
from imports.models import ValueKind

# Messages are lazy: they are translated only when a cell is wrong, not for every cell.
MESSAGES = {
    "country": (
        _lazy("Unknown country “%(value)s”: use its ISO code (e.g. VNM) or its name."),
        _lazy("“%(value)s” could be several countries (%(names)s): use the ISO code."),
    ),
    "agency": (
        _lazy("Unknown agency “%(value)s”."),
        _lazy("“%(value)s” could be several agencies (%(names)s): use the acronym."),
    ),
    "tool": (
        _lazy("Unknown SPF tool “%(value)s”."),
        _lazy("“%(value)s” could be several tools (%(names)s): use the full name."),
    ),
    "guarantee": (
        _lazy(
            "Unknown guarantee “%(value)s”: name health, children, working age or older persons."
        ),
        _lazy("“%(value)s” could be several guarantees (%(names)s)."),
    ),
    "theme": (
        _lazy("Unknown theme “%(value)s”."),
        _lazy("“%(value)s” could be several themes (%(names)s): use the full name."),
    ),
    "person": (
        _lazy("Unknown focal point “%(value)s”."),
        _lazy("Several focal points are called “%(value)s”: add their email."),
    ),
}


class CellError(ValueError):
    """One cell cannot be read; the message is for the person who filled it in. `unknown`
    holds the names the hub does not know, of `kind` (imports.models.ValueKind): the
    preview offers to map them, add them or leave their rows out."""

    def __init__(self, message: str, kind: str = "", unknown: list[str] | None = None) -> None:
        super().__init__(message)
        self.kind, self.unknown = kind, unknown or []


# The kind of value each matcher reads, as ValueKind says it.
VALUE_KIND = {
    "country": ValueKind.COUNTRY,
    "agency": ValueKind.AGENCY,
    "tool": ValueKind.TOOL,
    "guarantee": ValueKind.GUARANTEE,
}


def did_you_mean(suggestion: str) -> str:
    """ " Did you mean “X”?" for a close name, or ""."""
    return " " + _("Did you mean “%(name)s”?") % {"name": suggestion} if suggestion else ""


def find(index: NameIndex, value: str, kind: str) -> Any:
    """The record `index` knows as `value`, or CellError saying why not (candidates, or the
    name probably meant)."""
    unknown, ambiguous = MESSAGES[kind]
    try:
        return index.find(value)
    except AmbiguousName as error:
        names = ", ".join(error.candidates)
        raise CellError(str(ambiguous) % {"value": value, "names": names}) from error
    except NameNotFound as error:
        message = str(unknown) % {"value": value} + did_you_mean(error.suggestion)
        raise CellError(message, VALUE_KIND.get(kind, ""), [value]) from error


def find_list(index: NameIndex, value: Any, kind: str) -> list[Any]:
    """The records a list cell names ("ILO; UNICEF"). A wrong name is reported with the
    cell as it would read once corrected, so that following the suggestion keeps the
    cell's other names."""
    names = index.split(value)
    found, problems, corrected, unknown = [], [], list(names), []
    for position, name in enumerate(names):
        try:
            found.append(find(index, name, kind))
        except CellError as error:
            problems.append(str(error))
            unknown += error.unknown
            suggestion = getattr(error.__cause__, "suggestion", "")
            corrected[position] = suggestion or ""
    if not problems:
        return found
    message = " ".join(problems)
    if len(names) > 1 and all(corrected):
        message += " " + _("The cell would then read “%(cell)s”.") % {"cell": "; ".join(corrected)}
    raise CellError(message, VALUE_KIND.get(kind, ""), unknown)
