"""XML written as text, byte for byte as lxml (libxml2) serialises it.

The IATI file of a large matrix has hundreds of thousands of activities of some twenty
elements each: building each element as an lxml object and serialising it was most of the
file's time. Written as text, and most of an activity's elements written once for all the
activities they are the same in (an agency's participating-org, a theme's tag, a pair of
countries' shares), the file costs a fraction of that. tests/iati/test_iati_markup.py holds
these escapes to lxml's own output.
"""

import re
from collections.abc import Iterable

# What libxml2 escapes: in text &, <, > and the carriage return (kept as a character
# reference, else a reader's end-of-line handling would turn it into a newline); in a
# (double-quoted) attribute the quote and the whitespace a reader would otherwise normalise.
TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)
# Control characters XML 1.0 cannot hold: lxml refuses them, and so do we (the same error).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
TEXT_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f]")
ATTRIBUTE_SPECIAL = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f]')
NOT_XML_MESSAGE = (
    "All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters"
)

Attributes = Iterable[tuple[str, str]]


def text(value: str) -> str:
    """`value` as element content. Most text has nothing to escape: one search, no copy."""
    if not TEXT_SPECIAL.search(value):
        return value
    refuse_control_characters(value)
    return value.translate(TEXT_ESCAPES)


def attribute(value: str) -> str:
    """`value` inside double quotes."""
    if not ATTRIBUTE_SPECIAL.search(value):
        return value
    refuse_control_characters(value)
    return value.translate(ATTRIBUTE_ESCAPES)


def refuse_control_characters(value: str) -> None:
    if NOT_XML.search(value):
        raise ValueError(NOT_XML_MESSAGE)


def attributes(attrib: Attributes) -> str:
    return "".join(f' {name}="{attribute(value)}"' for name, value in attrib)


def empty(tag: str, attrib: Attributes = ()) -> str:
    """<tag .../>"""
    return f"<{tag}{attributes(attrib)}/>"


def element(tag: str, content: str | None, attrib: Attributes = ()) -> str:
    """<tag ...>content</tag>, content as text; None (no text at all) is <tag .../>."""
    if content is None:
        return empty(tag, attrib)
    return f"<{tag}{attributes(attrib)}>{text(content)}</{tag}>"


def narrative(tag: str, content: str | None, attrib: Attributes = ()) -> str:
    """<tag ...><narrative>content</narrative></tag>: IATI's way of holding words."""
    return f"<{tag}{attributes(attrib)}>{element('narrative', content)}</{tag}>"


def comment(content: str) -> str:
    return f"<!--{content}-->"
