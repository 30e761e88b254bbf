"""What a file really is, read from its first bytes (and, for the office formats, from the
zip's table of contents), never from its name or the browser's word.

Accepted: PDF, Word (DOCX), Excel (XLSX), OpenDocument text and spreadsheet (ODT, ODS), PNG
and JPEG. Anything else is refused with the reason (decisions.forms)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    content_type: str
    extension: str
    label: str


PDF = Kind("application/pdf", ".pdf", "PDF")
PNG = Kind("image/png", ".png", "PNG")
JPEG = Kind("image/jpeg", ".jpg", "JPEG")
DOCX = Kind(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Word"
)
XLSX = Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Excel")
ODT = Kind("application/vnd.oasis.opendocument.text", ".odt", "OpenDocument text")
ODS = Kind("application/vnd.oasis.opendocument.spreadsheet", ".ods", "OpenDocument spreadsheet")
ACCEPTED = (PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG)
ACCEPTED_LABELS = ", ".join(kind.label for kind in ACCEPTED)
ODF_KINDS = {ODT.content_type: ODT, ODS.content_type: ODS}

NOT_ACCEPTED = _("This kind of file is not accepted")


def sniff(stream: IO[bytes]) -> Kind | None:
    """The accepted kind the stream's content is, or None. The stream is left at its start."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        try:
            return _office_kind(stream)
        finally:
            stream.seek(0)
    return None


def _office_kind(stream: IO[bytes]) -> Kind | None:
    """DOCX and XLSX are zips with [Content_Types].xml and their main part; ODF files are
    zips whose "mimetype" member names their type."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
                return ODF_KINDS.get(declared)
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return DOCX
                if "xl/workbook.xml" in names:
                    return XLSX
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None
