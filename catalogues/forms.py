"""The front-end forms members use for their agencies' catalogue entries (the secretariat,
everyone's): the same fields as the admin, titles and descriptions in the three languages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.roles import agencies_spoken_for, is_secretariat
from activities.models import Tool
from catalogues.models import DataSet, OutreachMaterial


def _formfield(field: models.Field, **kwargs: Any) -> forms.Field | None:
    """Links typed without a scheme are https (as in the admin)."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class EntryForm(forms.ModelForm):
    """The owner can only be one of the user's agencies (any agency for the secretariat): a
    forged id is "not a valid choice", like any value outside the list. A member must name
    one, or the entry would be out of their reach once saved."""

    class Meta:
        formfield_callback = _formfield

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        owner.queryset = agencies_spoken_for(user).order_by("acronym")
        owner.required = not is_secretariat(user)
        if owner.required:
            owner.help_text = _("One of your agencies: you can edit its entries.")


class ToolForm(EntryForm):
    class Meta(EntryForm.Meta):
        model = Tool
        fields = [
            "name",
            "name_fr",
            "name_es",
            "acronym",
            "owner",
            "purpose",
            "description",
            "description_fr",
            "description_es",
            "languages",
            "url",
        ]


class DataSetForm(EntryForm):
    class Meta(EntryForm.Meta):
        model = DataSet
        fields = [
            "name",
            "name_fr",
            "name_es",
            "owner",
            "definition",
            "definition_fr",
            "definition_es",
            "coverage",
            "update_frequency",
            "access",
            "languages",
            "url",
        ]


class OutreachForm(EntryForm):
    class Meta(EntryForm.Meta):
        model = OutreachMaterial
        fields = [
            "title",
            "title_fr",
            "title_es",
            "owner",
            "audience",
            "format",
            "languages",
            "url",
            "countries",
        ]
