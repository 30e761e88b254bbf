import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from core.forms import DateInput
from rounds.models import UpdateRound
from rounds.services import default_agencies


class OpenRoundForm(forms.ModelForm):
    """The secretariat opens a round: what, by when, whom it asks."""

    agencies = forms.ModelMultipleChoiceField(
        label=_("Agencies asked"),
        queryset=Agency.objects.order_by("acronym"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Coalition members are ticked; untick those not asked this time."),
        error_messages={"required": _("Tick at least one agency to ask.")},
    )

    class Meta:
        model = UpdateRound
        fields = [
            "title",
            "title_fr",
            "title_es",
            "deadline",
            "period",
            "message",
            "message_fr",
            "message_es",
        ]
        widgets = {
            "deadline": DateInput(),
            "message": forms.Textarea(attrs={"rows": 4}),
            "message_fr": forms.Textarea(attrs={"rows": 4}),
            "message_es": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("agencies", list(default_agencies()))

    def clean_deadline(self) -> datetime.date:
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline
