"""Text kept in English, French and Spanish (catalogue entries, selection criteria), shown in
the reader's language.

Why not django-modeltranslation: it adds its fields when the app registry is ready, after
django-simple-history has copied the model for its history (translations would be missing from
the history unless the models give up `history = HistoricalRecords()`), and its manager
rewrites every query on `name` to the active language's column, which would change how
imports match activities.Tool by name for a French or Spanish user. Here the English text
stays in the field itself (`name`), each other language in a plain field beside it
(`name_fr`, `name_es`): the admin edits them like any field, the history keeps them, and one
accessor (`translated`) picks the reader's language with a fallback to English.
"""

from typing import Any

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# English is the field itself; these are kept beside it.
OTHER_LANGUAGES: dict[str, Any] = {"fr": _("French"), "es": _("Spanish")}


def in_language(field: models.CharField | models.TextField, code: str) -> models.Field:
    """A copy of `field` for its text in another language: optional, never unique."""
    _name, _path, args, kwargs = field.deconstruct()
    kwargs.update(blank=True, unique=False, default="")
    kwargs["verbose_name"] = format_lazy("{} ({})", field.verbose_name, OTHER_LANGUAGES[code])
    kwargs.pop("help_text", None)
    return field.__class__(*args, **kwargs)


def reader_language(language: str | None = None) -> str:
    """The two-letter code of `language`, or of the active language."""
    return (language or get_language() or "en")[:2].lower()


def translated(item: Any, field: str, language: str | None = None) -> str:
    """`item.<field>` in the reader's language (the active one unless given); English, the
    field itself, when there is no text in that language."""
    code = reader_language(language)
    if code in OTHER_LANGUAGES:
        text = getattr(item, f"{field}_{code}", "")
        if text:
            return text
    return getattr(item, field)


def search_fields(*fields: str) -> tuple[str, ...]:
    """The fields to search for text in any of the three languages."""
    suffixes = ("", *(f"_{code}" for code in OTHER_LANGUAGES))
    return tuple(f"{field}{suffix}" for field in fields for suffix in suffixes)
