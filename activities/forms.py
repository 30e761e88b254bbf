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
from activities.models import Activity, ActivityStatus, Role, Scope, Theme, Tool, check_dates
from activities.places import check_places, covered_countries
from agencies.models import Agency, FocalPoint
from core.forms import UNKNOWN_COUNTRY, DateInput, resolve_typed_name
from core.names import sort_key
from core.translations import translated
from countries.models import Country, Subdivision


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


def subdivision_choices(countries: list[Country]) -> list[tuple[str, list[tuple[int, str]]]]:
    """The places of the covered countries, grouped by country (the select's optgroups)."""
    by_country: dict[int, list[tuple[int, str]]] = {c.pk: [] for c in countries}
    places = Subdivision.objects.filter(country__in=countries).values_list(
        "pk", "country_id", "name"
    )
    for pk, country_id, name in places:
        by_country[country_id].append((pk, name))
    return [
        (str(country), sorted(by_country[country.pk], key=lambda item: sort_key(item[1])))
        for country in countries
    ]


class ThemeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, theme: Theme) -> str:
        return translated(theme, "name")


class PlacesFormMixin:
    """Where an activity happens, in a model form of Activity (the member's form, the
    admin's): its scope, region and main country are the model's fields; the countries,
    places and themes are form fields named by `PLACE_FIELDS`, written by set_places and
    set_themes (never by the form's own many-to-many saving, which would leave no history).
    The rules are activities.places: errors go on the fields, warnings to `place_warnings`.
    """

    # The form's names of the countries and places fields.
    PLACE_FIELDS = ("countries", "subdivisions")

    def _check_places(self, cleaned: dict[str, Any]) -> None:
        scope = cleaned["scope"] = cleaned.get("scope") or self.instance.scope or Scope.COUNTRY
        if "country" in self.errors:
            return
        main = cleaned.get("country")
        countries_field, subdivisions_field = self.PLACE_FIELDS
        countries = list(cleaned.get(countries_field) or [])
        # What the other scopes needed and this one does not is left out, not refused: a
        # person who switched from "Regional" to "Several countries" left a region chosen.
        if scope != Scope.REGIONAL:
            cleaned["region"] = self.instance.region = ""
        elif main is not None:
            countries.insert(0, main)
            cleaned["country"] = self.instance.country = main = None
        check = check_places(
            scope=scope,
            region=cleaned.get("region") or "",
            main=main,
            countries=countries,
            subdivisions=cleaned.get(subdivisions_field) or [],
        )
        names = {"countries": countries_field, "subdivisions": subdivisions_field}
        for name, message in check.errors.items():
            name = names.get(name, name)
            self.add_error(name if name in self.fields else None, message)
        self.place_warnings = check.warnings
        cleaned[countries_field] = check.countries

    def places(self) -> dict[str, Any]:
        """set_places' arguments, as the form was filled (after is_valid())."""
        cleaned = self.cleaned_data
        return {
            "scope": cleaned["scope"],
            "region": cleaned.get("region") or "",
            "main": cleaned.get("country"),
            "countries": cleaned.get(self.PLACE_FIELDS[0]) or [],
            "subdivisions": cleaned.get(self.PLACE_FIELDS[1]) or [],
        }


class ActivityForm(PlacesFormMixin, forms.ModelForm):
    """An activity's own fields and places; its agencies are in ParticipationFormSet beside it.

    Where it happens is checked by activities.places (check_places): its errors are the
    fields', its warnings (`place_warnings`) are shown after the save, which goes through.
    """

    country = forms.CharField(
        label=_("Main country"),
        max_length=100,
        required=False,
        help_text=_(
            "The country of a one-country activity (type a name or an ISO code and pick "
            "from the list); for several countries, the main one if there is one."
        ),
        widget=forms.TextInput(attrs={"list": "country-options", "autocomplete": "off"}),
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries"),
        queryset=Country.objects.all(),
        required=False,
        help_text=_(
            "Every country it covers, for several countries or part of a region (a regional "
            "activity without countries covers the whole region). Type to search."
        ),
        widget=forms.SelectMultiple(attrs={"data-searchable": "", "data-keep-help": ""}),
    )
    subdivisions = forms.ModelMultipleChoiceField(
        label=_("Places in the countries"),
        queryset=Subdivision.objects.all(),
        required=False,
        help_text=_(
            "Optional: the regions or provinces where it happens, in the countries it covers."
        ),
        widget=forms.SelectMultiple(attrs={"data-searchable": "", "data-keep-help": ""}),
    )
    themes = ThemeChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
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
            "scope",
            "region",
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
            "scope": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
            "funding": forms.Textarea(attrs={"rows": 2}),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "tools_used": forms.CheckboxSelectMultiple,
            "tools_needed": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, covered: list[Country] | None = None, **kwargs: Any) -> None:
        """`covered`: the countries whose places are offered (by default the activity's, or
        those of the submitted form)."""
        super().__init__(*args, **kwargs)
        tools = Tool.objects.order_by("name")
        self.fields["tools_used"].queryset = tools
        self.fields["tools_needed"].queryset = tools
        self.place_warnings: list[str] = []
        activity = self.instance
        found: list[Country] = []
        if activity.pk:
            self.initial["country"] = str(activity.country) if activity.country_id else ""
            found = covered_countries(activity)
            self.initial["countries"] = [c.pk for c in found]
            self.initial["subdivisions"] = list(activity.subdivisions.values_list("pk", flat=True))
            self.initial["themes"] = list(activity.themes.values_list("pk", flat=True))
            if activity.focal_point_id:
                self.initial["focal_point"] = focal_point_label(activity.focal_point)
            self.initial["version"] = activity.version
        if covered is None:
            covered = offered_countries(self.data) if self.is_bound else found
        self.fields["subdivisions"].choices = subdivision_choices(covered)
        # A form sent without a scope (an older page, a script) keeps the activity's.
        self.fields["scope"].required = False

    def clean_country(self) -> Country | None:
        if not self.cleaned_data["country"].strip():
            return None  # required for one country: check_places says so, in its words
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
        self._check_places(cleaned)
        if self.instance.pk and cleaned.get("version") is None:
            self.add_error(
                None,
                gettext("The form is missing the version it was based on: reload the page."),
            )
        return cleaned


def offered_countries(data: Any) -> list[Country]:
    """The countries a submitted form covers (its list and its main country), for the
    places offered: a country it does not cover offers none."""
    ids = [value for value in data.getlist("countries") if str(value).isdigit()]
    found = list(Country.objects.filter(pk__in=ids))
    typed = str(data.get("country", "")).strip()
    if typed:
        try:
            main = Country.objects.by_name(typed)
        except LookupError:
            main = None
        if main is not None and main not in found:
            found.insert(0, main)
    return found


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
