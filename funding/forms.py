from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import Guarantee
from funding.models import Contribution


class ContributionForm(forms.ModelForm):
    """The secretariat's form (in the admin): the currency is required with the amount."""

    themes = forms.TypedMultipleChoiceField(
        label=_("Themes (R202 guarantees)"),
        choices=Guarantee.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Contribution
        fields = [
            "partner",
            "channel",
            "amount",
            "currency",
            "status",
            "start_year",
            "end_year",
            "countries",
            "themes",
            "note",
        ]
        error_messages = {
            "currency": {"required": _("Say in which currency the amount is (e.g. USD).")},
        }
