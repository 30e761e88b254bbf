"""Form helpers shared by the apps' forms."""

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
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


class DateInput(forms.DateInput):
    """The phone's own date picker. A type=date input speaks ISO only: with the French or
    Spanish date format ("28/11/2026") its value would show empty and block the form."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class VersionedModelForm(forms.ModelForm):
    """An admin form that carries the version the editor started from (the model counts its
    saves in `version`); a save based on an older one is refused, saying what changed.

    The admin runs the whole change view in one transaction: the row locked here stays locked
    until the object (and its inlines) are saved, so nobody can slip in between. Subclasses
    say what changed in `conflict_message`.
    """

    # Not named "version": a model form may not list the model's non-editable field.
    based_on_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["based_on_version"] = self.instance.version

    def conflict_message(self, current: Any, based_on: int) -> str:
        raise NotImplementedError

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.instance.pk:
            return cleaned
        based_on = cleaned.get("based_on_version")
        if based_on is None:
            raise ValidationError(
                _("The form is missing the version it was based on: reload the page."),
                code="no_version",
            )
        model = type(self.instance)
        with transaction.atomic():
            rows = model._default_manager.select_for_update(of=("self",))
            stored = rows.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if stored is not None and stored != based_on:
                current = model._default_manager.get(pk=self.instance.pk)
                raise ValidationError(
                    self.conflict_message(current, based_on), code="edit_conflict"
                )
        return cleaned
