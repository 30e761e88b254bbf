"""Languages a tool, data set or leaflet exists in: ISO 639-1 codes, stored comma-separated
("en,fr,es") so that any database can filter on one (`languages__contains="fr"`: two-letter
codes between commas never match across two codes)."""

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

# The UN's six languages and Portuguese (Lusophone Africa, Brazil, Timor-Leste).
LANGUAGE_CHOICES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
    ("ru", _("Russian")),
    ("zh", _("Chinese")),
]
LANGUAGE_LABELS = dict(LANGUAGE_CHOICES)


class LanguagesField(models.CharField):
    """A list of language codes in Python, "en,fr" in the database."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value: str | None, expression, connection) -> list[str]:
        return split_codes(value)

    def to_python(self, value: Any) -> list[str]:
        if isinstance(value, list | tuple):
            return [str(code) for code in value]
        return split_codes(value)

    def get_prep_value(self, value: Any) -> str:
        if isinstance(value, list | tuple):
            return ",".join(value)
        return value or ""

    def value_to_string(self, obj: models.Model) -> str:
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value: Any, model_instance: models.Model | None) -> None:
        unknown = [code for code in value or [] if code not in LANGUAGE_LABELS]
        if unknown:
            raise forms.ValidationError(
                _("Unknown language code: %(codes)s."), params={"codes": ", ".join(unknown)}
            )
        if not value and not self.blank:
            raise forms.ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs: Any) -> forms.Field:
        return forms.TypedMultipleChoiceField(
            choices=LANGUAGE_CHOICES,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


def split_codes(value: str | None) -> list[str]:
    return [code for code in (value or "").split(",") if code]


def language_names(codes: list[str]) -> str:
    return ", ".join(str(LANGUAGE_LABELS.get(code, code)) for code in codes)
