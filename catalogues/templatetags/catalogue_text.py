"""{{ item|translated:"name" }}: a catalogue entry's text in the reader's language."""

from typing import Any

from django import template

from core.translations import translated as translated_text

register = template.Library()


@register.filter
def translated(item: Any, field: str) -> str:
    return translated_text(item, field)
