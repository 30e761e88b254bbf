"""The form that assesses one country against one criterion."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput
from countries.models import Rating, SelectionCriterion


class AssessmentForm(forms.Form):
    """A member's or the secretariat's assessment of one country against one criterion.

    `version` is the assessment's version the form showed (0: none yet): a save based on an
    older one is refused (countries.assessing.save_assessment).
    """

    criterion = forms.IntegerField(widget=forms.HiddenInput)
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    rating = forms.ChoiceField(
        label=_("Rating"),
        choices=Rating.choices,
        error_messages={
            "invalid_choice": _("“%(value)s” is not a rating: choose one from the list."),
        },
    )
    note = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the rating rests on: a document, a meeting, a source."),
    )
    assessed_on = forms.DateField(label=_("Assessed on"), widget=DateInput())

    def __init__(self, *args, criteria: dict[int, SelectionCriterion], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria  # the criteria members assess, by id

    def clean_criterion(self) -> SelectionCriterion:
        criterion = self.criteria.get(self.cleaned_data["criterion"])
        if criterion is None:
            raise forms.ValidationError(
                _("This criterion is not one that members assess (it is computed or gone).")
            )
        return criterion

    def clean_assessed_on(self) -> datetime.date:
        day = self.cleaned_data["assessed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The assessment date cannot be in the future."))
        return day

    def clean(self) -> dict:
        data = super().clean()
        known = data.get("rating") not in (None, Rating.UNKNOWN)
        if known and not data.get("note", "").strip():
            self.add_error(
                "note",
                _("Say what the rating rests on: evidence is required unless it is not known yet."),
            )
        return data
