"""The focal point form members use for their own agencies' contacts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency, FocalPoint
from core.forms import UNKNOWN_COUNTRY, resolve_typed_name
from countries.models import Country


class FocalPointForm(forms.ModelForm):
    country = forms.CharField(
        label=_("Country"),
        max_length=100,
        required=False,
        help_text=_("For a country focal point only: type a name or an ISO code."),
        widget=forms.TextInput(attrs={"list": "country-options", "autocomplete": "off"}),
    )

    class Meta:
        model = FocalPoint
        fields = [
            "agency",
            "name",
            "position",
            "level",
            "country",
            "region",
            "email",
            "phone",
            "publishes_contact",
        ]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        }

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the agencies the user may act for (the rule agencies.act_for_agency, stated in
        # accounts/rules.py where memberships live) can be picked: a forged agency id is "not
        # a valid choice", the same as any other value outside the list.
        allowed = [
            a.pk for a in Agency.objects.all() if user.has_perm("agencies.act_for_agency", a)
        ]
        self.fields["agency"].queryset = Agency.objects.filter(pk__in=allowed).order_by("acronym")
        if self.instance.pk and self.instance.country_id:
            self.initial["country"] = str(self.instance.country)

    def clean_country(self) -> Country | None:
        return resolve_typed_name(
            self.cleaned_data["country"],
            Country.objects.by_name,
            message=UNKNOWN_COUNTRY,
            code="unknown_country",
        )
