"""Matching names as people write them ("Viet Nam"/"Vietnam", "UN Women"/"UNWomen")."""

import re
import unicodedata


def name_key(value: str) -> str:
    """Fold a name to a comparison key: no accents, case, punctuation or spaces."""
    decomposed = unicodedata.normalize("NFKD", value)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]", "", ascii_only.casefold())


def split_variants(text: str) -> list[str]:
    """Name variants are kept one per line (commas and semicolons also separate)."""
    return [part.strip() for part in re.split(r"[\n;,]", text) if part.strip()]
