"""An XLSX workbook for a very long table, its sheet written as text (the results' download:
80,000 values and more). XlsxWriter builds every cell through a few Python calls and its
own checks; for a table of plain values that was four fifths of the download's time. Here a
row is one string: the cells carry no references (optional in SpreadsheetML: a cell takes
the next column), text goes in inline string cells (never evaluated: cells.sheet_text, as
in xlsx.py), numbers as numbers, dates as dates with the hub's formats. The same layout as
xlsx.render_xlsx: a bold frozen header, widths from a sample, an autofilter, and the "About
these columns" sheet.
"""

import datetime
import decimal
import io
import zipfile
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any
from xml.sax.saxutils import escape

from core.spreadsheets.cells import (
    ABOUT_SHEET,
    CONTROL_CHARACTERS_RE,
    WIDTH_SAMPLE,
    ColumnNote,
    Row,
    about_table,
    column_widths,
    naive_local,
    sheet_name,
    sheet_text,
)
from core.spreadsheets.xlsx import CELL_PADDING

EPOCH = datetime.datetime(1899, 12, 30)
ROWS_PER_WRITE = 500
BOLD, DATE, DATETIME, WRAP = 1, 2, 3, 4  # cellXfs in STYLES

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/styles.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
{sheets}</Types>"""
SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
<Relationship Id="rId1" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheets}\
<Relationship Id="rIdStyles" \
Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
Target="styles.xml"/></Relationships>"""
SHEET_REL = (
    '<Relationship Id="rId{n}" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet{n}.xml"/>'
)
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
<sheets>{sheets}</sheets>{names}</workbook>"""
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>\
<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ h:mm:ss"/></numFmts>\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">\
<alignment vertical="top" wrapText="1"/></xf></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>"""
SHEET_HEAD = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
<sheetViews><sheetView workbookViewId="0"{selected}><pane ySplit="1" topLeftCell="A2" \
activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\
<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>"""


def column_letter(index: int) -> str:
    """A, B, ... Z, AA, ... for a 0-based column index."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def text_cell(text: str, style: str = "") -> str:
    if not text:
        return "<c/>"
    text = escape(sheet_text(text))
    return f'<c{style} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def cell(value: Any, style: str = "") -> str:
    """One cell's XML (an empty `<c/>` keeps the place of a blank one)."""
    kind = type(value)
    if kind is str:
        return text_cell(value, style)
    if value is None:
        return "<c/>"
    if kind is int or kind is float:
        return f"<c{style}><v>{value!r}</v></c>"
    if kind is decimal.Decimal:
        return f"<c{style}><v>{value:f}</v></c>" if value.is_finite() else "<c/>"
    if kind is bool:
        return f'<c{style} t="b"><v>{int(value)}</v></c>'
    if kind is datetime.date:
        days = (datetime.datetime(value.year, value.month, value.day) - EPOCH).days
        return f'<c s="{DATE}"><v>{days}</v></c>'
    if isinstance(value, datetime.datetime):
        serial = (naive_local(value) - EPOCH) / datetime.timedelta(days=1)
        return f'<c s="{DATETIME}"><v>{serial!r}</v></c>'
    return text_cell(CONTROL_CHARACTERS_RE.sub("", str(value)), style)


def write_sheet(out, rows: Iterator[Row], *, selected: bool, wrap: bool = False) -> tuple[int, int]:
    """The sheet's XML into `out`; (rows written with the header, columns)."""
    header = list(next(rows, []))
    sample = list(islice(rows, WIDTH_SAMPLE))
    cols = "".join(
        f'<col min="{n}" max="{n}" width="{width - CELL_PADDING:.2f}" customWidth="1"/>'
        for n, width in enumerate(column_widths(header, sample), start=1)
    )
    flag = ' tabSelected="1"' if selected else ""
    out.write(
        SHEET_HEAD.format(selected=flag, cols=cols or '<col min="1" max="1" width="8"/>').encode()
    )
    bold = f' s="{BOLD}"'
    out.write(("<row>" + "".join(cell(str(h), bold) for h in header) + "</row>").encode())
    style = f' s="{WRAP}"' if wrap else ""
    count = 1
    pending: list[str] = []
    for row in chain(sample, rows):
        pending.append("<row>" + "".join([cell(value, style) for value in row]) + "</row>")
        count += 1
        if len(pending) == ROWS_PER_WRITE:
            out.write("".join(pending).encode())
            pending = []
    out.write("".join(pending).encode())
    out.write(b"</sheetData>")
    if header:
        last = f"{column_letter(len(header) - 1)}{count}"
        out.write(f'<autoFilter ref="A1:{last}"/>'.encode())
    out.write(b"</worksheet>")
    return count, len(header)


def render_long_xlsx(
    table: Iterable[Row], sheet_title: str = "Sheet1", notes: Iterable[ColumnNote] | None = None
) -> bytes:
    """The table (header first) and, given notes, the "About these columns" sheet."""
    sheets = [(sheet_name(sheet_title), iter(table), False)]
    if notes is not None:
        sheets.append((sheet_name(str(ABOUT_SHEET)), iter(about_table(notes)), True))
    output = io.BytesIO()
    entries, names, rels, types = [], [], [], []
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for number, (title, rows, wrap) in enumerate(sheets, start=1):
            with archive.open(f"xl/worksheets/sheet{number}.xml", "w") as out:
                count, width = write_sheet(out, rows, selected=number == 1, wrap=wrap)
            quoted = escape(title, {'"': "&quot;"})
            entries.append(f'<sheet name="{quoted}" sheetId="{number}" r:id="rId{number}"/>')
            rels.append(SHEET_REL.format(n=number))
            types.append(SHEET_TYPE.format(n=number))
            if width:
                area = f"$A$1:${column_letter(width - 1)}${count}"
                sheet_ref = "'" + escape(title).replace("'", "''") + "'"
                names.append(
                    f'<definedName name="_xlnm._FilterDatabase" localSheetId="{number - 1}" '
                    f'hidden="1">{sheet_ref}!{area}</definedName>'
                )
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets="".join(types)))
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(sheets="".join(rels)))
        archive.writestr(
            "xl/workbook.xml",
            WORKBOOK.format(
                sheets="".join(entries),
                names=f"<definedNames>{''.join(names)}</definedNames>" if names else "",
            ),
        )
        archive.writestr("xl/styles.xml", STYLES)
    return output.getvalue()
