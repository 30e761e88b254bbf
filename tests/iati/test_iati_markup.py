"""The IATI file is written as text (api.iati_markup): byte for byte what lxml writes."""

from io import BytesIO

import pytest
from lxml import etree

from api import iati_markup as markup

AWKWARD = [
    "",
    "plain words",
    "Fish & chips <b>bold</b> > less",
    "She said \"yes\" and 'no'",
    "tab\there, new\nline, carriage\rreturn, both\r\n",
    "Égypte, Îles Cook, Côte d'Ivoire, 中文, emoji 😀, delete \x7f",
    "]]> and &amp; already escaped &#13;",
]


def lxml_writes(element: etree._Element) -> str:
    """What the file's writer wrote before: an element through lxml's incremental writer."""
    buffer = BytesIO()
    with etree.xmlfile(buffer, encoding="utf-8") as xml:
        xml.write(element)
    return buffer.getvalue().decode()


@pytest.mark.parametrize("value", AWKWARD)
def test_text_and_attributes_are_escaped_as_lxml_escapes_them(value):
    element = etree.Element("title", {"code": value, "vocabulary": "99"})
    etree.SubElement(element, "narrative").text = value
    written = markup.narrative("title", value, (("code", value), ("vocabulary", "99")))
    assert written == lxml_writes(element)


def test_empty_text_and_no_text_are_written_as_lxml_writes_them():
    element = etree.Element("contact-info")
    etree.SubElement(element, "organisation").text = ""
    etree.SubElement(element, "telephone").text = None
    written = markup.element("organisation", "") + markup.element("telephone", None)
    assert f"<contact-info>{written}</contact-info>" == lxml_writes(element)


@pytest.mark.parametrize("value", ["null \x00", "bell \x07", "escape \x1b", "form feed \x0c"])
def test_control_characters_are_refused_as_lxml_refuses_them(value):
    with pytest.raises(ValueError) as lxml_error:
        etree.Element("narrative").text = value
    with pytest.raises(ValueError) as ours:
        markup.text(value)
    assert str(ours.value) == str(lxml_error.value)
    with pytest.raises(ValueError):
        markup.attribute(value)
