"""Forms members fill in on the front-end (phones included) to keep their activities current.

Countries, agencies and focal points are typed into plain text inputs with a <datalist> of
suggestions (no JavaScript framework); what was typed is resolved back to the object here,
with a field error naming what was not recognised.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from activities import participations
from activities.models import Activity, ActivityStatus, Role, Tool, check_dates
from agencies.models import Agency, FocalPoint
from core.forms import UNKNOWN_COUNTRY, DateInput, resolve_typed_name
from countries.models import Country


def focal_point_label(person: FocalPoint) -> str:
    """How a focal point is written in the form and its suggestions: "Name (ACRONYM)"."""
    return f"{person.name} ({person.agency.acronym})"


def find_focal_point(value: str, country_id: int | None = None) -> FocalPoint | None:
    """The focal point written as "Name (ACRONYM)", or by name alone if only one has it."""
    value = value.strip()
    name, acronym = value, ""
    if value.endswith(")") and " (" in value:
        name, _sep, acronym = value[:-1].rpartition(" (")
    people = FocalPoint.objects.select_related("agency").filter(name__iexact=name.strip())
    if acronym:
        people = people.filter(agency__acronym__iexact=acronym.strip())
    found = list(people[:20])
    if len(found) > 1 and country_id:
        # Namesakes: prefer the one who is the contact for the activity's country.
        in_country = [person for person in found if person.country_id == country_id]
        found = in_country or found
    if len(found) > 1 and not acronym:
        return None
    return found[0] if found else None


class ActivityForm(forms.ModelForm):
    """An activity's own fields; its agencies are in ParticipationFormSet beside it."""

    country = forms.CharField(
        label=_("Country"),
        max_length=100,
        help_text=_("Type a name or an ISO code and pick from the list."),
        widget=forms.TextInput(attrs={"list": "country-options", "autocomplete": "off"}),
    )
    focal_point = forms.CharField(
        label=_("Focal point"),
        max_length=200,
        required=False,
        help_text=_("Who to contact about this activity: type a name and pick from the list."),
        widget=forms.TextInput(attrs={"list": "focal-point-options", "autocomplete": "off"}),
    )
    # The version the user started from: saving refuses an edit of an older version.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    class Meta:
        model = Activity
        fields = [
            "country",
            "title",
            "description",
            "activity_type",
            "status",
            "covers_health",
            "covers_children",
            "covers_working_age",
            "covers_older_persons",
            "start_date",
            "end_date",
            "focal_point",
            "tools_used",
            "tools_needed",
            "funding",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "funding": forms.Textarea(attrs={"rows": 2}),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "tools_used": forms.CheckboxSelectMultiple,
            "tools_needed": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tools = Tool.objects.order_by("name")
        self.fields["tools_used"].queryset = tools
        self.fields["tools_needed"].queryset = tools
        activity = self.instance
        if activity.pk:
            self.initial["country"] = str(activity.country)
            if activity.focal_point_id:
                self.initial["focal_point"] = focal_point_label(activity.focal_point)
            self.initial["version"] = activity.version

    def clean_country(self) -> Country:
        # The field is required, so an empty value never reaches here.
        return resolve_typed_name(
            self.cleaned_data["country"],
            Country.objects.by_name,
            message=UNKNOWN_COUNTRY,
            code="unknown_country",
        )

    def clean_focal_point(self) -> FocalPoint | None:
        typed = self.cleaned_data["focal_point"].strip()
        if not typed:
            return None
        country = self.cleaned_data.get("country")
        person = find_focal_point(typed, country.pk if isinstance(country, Country) else None)
        if person is None:
            raise ValidationError(
                gettext(
                    "No focal point called “%(value)s”: pick one from the list, written as "
                    "“Name (AGENCY)”, or add the person first."
                )
                % {"value": typed},
                code="unknown_focal_point",
            )
        return person

    def clean(self) -> dict[str, Any]:
        # The dates' order is checked by Activity.clean (the model's one rule).
        cleaned = super().clean()
        if self.instance.pk and cleaned.get("version") is None:
            self.add_error(
                None,
                gettext("The form is missing the version it was based on: reload the page."),
            )
        return cleaned


class ParticipationForm(forms.Form):
    """One agency taking part, and its role. An empty row is ignored."""

    agency = forms.CharField(
        label=_("Agency"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"list": "agency-options", "autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.PARTNER)

    def clean_agency(self) -> Agency | None:
        return resolve_typed_name(
            self.cleaned_data["agency"],
            Agency.objects.by_name,
            message=_("“%(value)s” is not an agency we know: pick one from the list."),
            code="unknown_agency",
        )


class BaseParticipationFormSet(forms.BaseFormSet):
    def __init__(
        self, *args: Any, user: Any = None, before: dict[int, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.before = before  # the activity's agencies as stored (None for a new one)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        # Every row is read, even one left as offered (the member's own agency as lead on
        # a new activity): an "unchanged" extra row would otherwise be silently skipped.
        return {**super().get_form_kwargs(index), "empty_permitted": False}

    def clean(self) -> None:
        if any(self.errors):
            return
        # The rules are activities.participations' (the admin and the import share them).
        roles: dict[int, str] = {}
        names: dict[int, str] = {}
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            agency = form.cleaned_data.get("agency")
            if agency is None:
                continue
            names[agency.pk] = agency.acronym
            try:
                participations.add(roles, agency.pk, form.cleaned_data["role"], agency.acronym)
            except ValidationError as error:
                form.add_error("agency", error)
        if not any(self.errors):
            participations.check(self.user, roles, names, before=self.before)

    def wanted(self) -> dict[Agency, str]:
        """The agencies and roles the formset asks for (after is_valid())."""
        found = {}
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            agency = form.cleaned_data.get("agency")
            if agency is not None:
                found[agency] = form.cleaned_data["role"]
        return found


ParticipationFormSet = forms.formset_factory(
    ParticipationForm,
    formset=BaseParticipationFormSet,
    extra=2,
    can_delete=True,
    max_num=30,
    validate_max=True,
)


def participation_initial(activity: Activity) -> list[dict[str, str]]:
    return [
        {"agency": link.agency.acronym, "role": link.role}
        for link in activity.participations.select_related("agency").order_by("pk")
    ]


class QuickEditForm(forms.Form):
    """The inline edit of a row of "my agency's rows": status and dates only."""

    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices)
    start_date = forms.DateField(label=_("Start date"), required=False, widget=DateInput())
    end_date = forms.DateField(label=_("End date"), required=False, widget=DateInput())
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        try:
            check_dates(cleaned.get("start_date"), cleaned.get("end_date"))
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class CloseForm(forms.Form):
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty for today."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ConfirmForm(forms.Form):
    """Delete or duplicate: only the version the user saw."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


def agency_choices() -> QuerySet[Agency]:
    return Agency.objects.order_by("acronym").only("acronym", "name")
