"""The results' forms: choosing an indicator for an activity (baseline and targets), a
period's value with its parts, a country's milestone or coverage figure. Numbers are typed
as people write them (results.numbers); every check of a value is results.checks."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, Scope
from agencies.models import Agency
from core.forms import DateInput
from core.translations import translated
from countries.models import Country
from results.checks import check_value, part_field
from results.choices import Unit
from results.disaggregations import CATEGORIES, Dimension
from results.models import (
    ActivityIndicator,
    CountryMilestone,
    CoverageFigure,
    Indicator,
    ReportingPeriod,
    ResultValue,
)
from results.numbers import NotANumber, parse_number

TARGET_ROWS = 3


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Indicator) -> str:
        return f"{obj.code}: {translated(obj, 'name')}"


def number_input(**kwargs) -> forms.CharField:
    """A number as typed ("12 400", "45,5"): read by results.numbers, checked by the form."""
    attrs = {"inputmode": "decimal", "autocomplete": "off"}
    return forms.CharField(required=False, widget=forms.TextInput(attrs=attrs), **kwargs)


def read_number(form: forms.Form, name: str) -> Decimal | None:
    try:
        return parse_number(form.cleaned_data.get(name))
    except NotANumber as error:
        form.add_error(name, str(error))
        return None


class VersionedForm(forms.Form):
    # The version the page showed: a save over a newer one is refused (results.concurrency).
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


class ActivityIndicatorForm(VersionedForm):
    """An indicator chosen for an activity, with its baseline and up to three targets."""

    indicator = IndicatorChoiceField(queryset=Indicator.objects.none(), label=_("Indicator"))
    baseline_value = number_input(label=_("Baseline"))
    baseline_date = forms.DateField(label=_("Baseline date"), required=False, widget=DateInput)

    def __init__(self, *args, activity: Activity, link: ActivityIndicator | None = None, **kw):
        super().__init__(*args, **kw)
        self.activity, self.link = activity, link
        chosen = ActivityIndicator.objects.filter(activity=activity).values("indicator_id")
        choices = Indicator.objects.filter(is_active=True).exclude(pk__in=chosen)
        if link is not None:
            choices = Indicator.objects.filter(pk=link.indicator_id)
            self.fields["indicator"].disabled = True
            self.initial.update(
                indicator=link.indicator_id,
                baseline_value=link.baseline_value,
                baseline_date=link.baseline_date,
                version=link.version,
            )
            for n, target in enumerate(link.targets.all()[:TARGET_ROWS], start=1):
                self.initial[f"target_{n}_value"] = target.value
                self.initial[f"target_{n}_date"] = target.date
        self.fields["indicator"].queryset = choices
        for n in range(1, TARGET_ROWS + 1):
            self.fields[f"target_{n}_value"] = number_input(label=_("Target %(n)s") % {"n": n})
            self.fields[f"target_{n}_date"] = forms.DateField(
                label=_("Target %(n)s: by") % {"n": n}, required=False, widget=DateInput
            )

    def target_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [
            (self[f"target_{n}_value"], self[f"target_{n}_date"]) for n in range(1, TARGET_ROWS + 1)
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        cleaned["baseline"] = read_number(self, "baseline_value")
        if cleaned["baseline"] is not None and cleaned["baseline"] < 0:
            self.add_error("baseline_value", _("A baseline cannot be negative."))
        targets = []
        for n in range(1, TARGET_ROWS + 1):
            value = read_number(self, f"target_{n}_value")
            day = cleaned.get(f"target_{n}_date")
            if value is None and day is None:
                continue
            if value is None:
                self.add_error(f"target_{n}_value", _("Give the target's value."))
            elif day is None:
                self.add_error(f"target_{n}_date", _("Give the date the target is for."))
            elif value < 0:
                self.add_error(f"target_{n}_value", _("A target cannot be negative."))
            else:
                targets.append((value, day, None))
        indicator = cleaned.get("indicator")
        if indicator is not None and indicator.unit == Unit.PERCENT:
            targets = [f"target_{n}_value" for n in range(1, TARGET_ROWS + 1)]
            for name in ["baseline_value", *targets]:
                number = parse_number_quietly(cleaned.get(name))
                if number is not None and number > 100:
                    self.add_error(name, _("A percentage is between 0 and 100."))
        cleaned["targets"] = targets
        return cleaned


def parse_number_quietly(text) -> Decimal | None:
    try:
        return parse_number(text)
    except NotANumber:
        return None


class ValueForm(VersionedForm):
    """A period's value of an activity's indicator, with its parts, evidence and comment."""

    period = forms.ModelChoiceField(queryset=ReportingPeriod.objects.none(), label=_("Period"))
    country = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Country"), empty_label=_("The whole activity")
    )
    value = number_input(label=_("Value"))
    achieved_on = forms.DateField(label=_("Reached on"), required=False, widget=DateInput)
    evidence_url = forms.URLField(
        label=_("Evidence: a link"), required=False, max_length=500, assume_scheme="https"
    )
    evidence_note = forms.CharField(
        label=_("Evidence: a short note"),
        required=False,
        max_length=500,
        help_text=_("Where the figure comes from, if there is no link."),
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, link: ActivityIndicator, result: ResultValue | None = None, **kw):
        super().__init__(*args, **kw)
        self.link, self.result = link, result
        self.indicator, self.activity = link.indicator, link.activity
        self.warnings: list[str] = []
        self.fields["period"].queryset = ReportingPeriod.objects.all()
        countries = self.activity_countries()
        if len(countries) > 1:
            self.fields["country"].queryset = countries
        else:
            del self.fields["country"]
        if self.indicator.unit == Unit.MILESTONE:
            self.fields["value"] = forms.TypedChoiceField(
                label=_("Reached?"),
                choices=[("1", _("Yes")), ("0", _("Not yet"))],
                widget=forms.RadioSelect,
            )
        else:
            del self.fields["achieved_on"]
            unit = Unit(self.indicator.unit).label
            self.fields["value"].help_text = _("In %(unit)s.") % {"unit": str(unit).lower()}
        self.dimensions = []
        for dimension in self.indicator.dimensions:
            names = []
            for category, label in CATEGORIES[dimension]:
                name = part_field(dimension, category)
                self.fields[name] = number_input(label=label)
                names.append(name)
            self.dimensions.append((Dimension(dimension).label, names))
        if result is not None:
            self.initial.update(
                period=result.period_id,
                country=result.country_id,
                value=result.value.normalize()
                if self.indicator.unit != Unit.MILESTONE
                else str(int(result.value)),
                achieved_on=result.achieved_on,
                evidence_url=result.evidence_url,
                evidence_note=result.evidence_note,
                comment=result.comment,
                version=result.version,
            )
            for part in result.parts.all():
                self.initial[part_field(part.dimension, part.category)] = part.value.normalize()
            self.fields["period"].disabled = True
            if "country" in self.fields:
                self.fields["country"].disabled = True

    def activity_countries(self):
        """The countries a value may be for: those the activity covers (its region's or the
        world's when a regional or global one lists none)."""
        activity = self.activity
        listed = activity.countries.all()
        if listed.exists() or activity.scope in (Scope.COUNTRY, Scope.MULTI_COUNTRY):
            return listed if listed.exists() else Country.objects.filter(pk=activity.country_id)
        if activity.scope == Scope.REGIONAL:
            return Country.objects.filter(region=activity.region)
        return Country.objects.all()

    def part_groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [(label, [self[name] for name in names]) for label, names in self.dimensions]

    def clean(self) -> dict:
        cleaned = super().clean()
        raw_parts = {}
        for dimension in self.indicator.dimensions:
            for category, _label in CATEGORIES[dimension]:
                raw = (cleaned.get(part_field(dimension, category)) or "").strip()
                if raw:
                    raw_parts[(dimension, category)] = raw
        country = cleaned.get("country")
        found = check_value(
            self.indicator,
            self.activity,
            cleaned.get("period"),
            cleaned.get("value"),
            raw_parts,
            country_id=country.pk if country else None,
            achieved_on=cleaned.get("achieved_on"),
            existing=self.result,
        )
        for name, message in found.errors.items():
            if name in self.fields:
                self.add_error(name, message)
            else:
                self.add_error(None, message)
        self.warnings = found.warnings
        period = cleaned.get("period")
        if self.result is None and period is not None and "period" not in self.errors:
            twin = ResultValue.objects.filter(
                activity_indicator=self.link, period=period, country=country
            ).first()
            if twin is not None:
                self.add_error(
                    "period",
                    _("This indicator already has a value for %(period)s: change that one.")
                    % {"period": period.label},
                )
        cleaned["number"], cleaned["parts"] = found.value, found.parts
        return cleaned


class ContributionForm(forms.ModelForm):
    """What milestones and coverage figures share: contributing activities and agencies of
    the country, and the version."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, country, **kw):
        super().__init__(*args, **kw)
        activities = Activity.objects.covering(country).order_by("title")
        self.fields["activities"].queryset = activities
        self.fields["activities"].widget = forms.CheckboxSelectMultiple()
        self.fields["activities"].widget.choices = self.fields["activities"].choices
        self.fields["agencies"].queryset = (
            Agency.objects.filter(participations__activity__in=activities)
            .distinct()
            .order_by("acronym")
        )
        self.fields["agencies"].widget = forms.CheckboxSelectMultiple()
        self.fields["agencies"].widget.choices = self.fields["agencies"].choices
        if self.instance.pk:
            self.initial["version"] = self.instance.version


class MilestoneForm(ContributionForm):
    class Meta:
        model = CountryMilestone
        fields = ["title", "language", "achieved_on", "source", "activities", "agencies"]
        widgets = {"achieved_on": DateInput}


class CoverageFigureForm(ContributionForm):
    value = number_input(label=_("Value"))

    class Meta:
        model = CoverageFigure
        fields = ["indicator", "value", "year", "source", "activities", "agencies"]

    def __init__(self, *args, **kw):
        super().__init__(*args, **kw)
        self.fields["indicator"] = IndicatorChoiceField(
            queryset=Indicator.objects.filter(is_active=True), label=_("Indicator")
        )
        if self.instance.pk:
            self.initial["value"] = self.instance.value.normalize()

    def clean_value(self) -> Decimal:
        try:
            number = parse_number(self.cleaned_data.get("value"))
        except NotANumber as error:
            raise forms.ValidationError(str(error)) from None
        if number is None:
            raise forms.ValidationError(_("Enter the value."))
        if number < 0:
            raise forms.ValidationError(
                _("A count or an amount cannot be negative: %(n)s.") % {"n": number}
            )
        return number

    def clean(self) -> dict:
        cleaned = super().clean()
        indicator, value = cleaned.get("indicator"), cleaned.get("value")
        if (
            indicator is not None
            and value is not None
            and indicator.unit == Unit.PERCENT
            and value > 100
        ):
            self.add_error(
                "value", _("A percentage is between 0 and 100: %(n)s is not.") % {"n": value}
            )
        year = cleaned.get("year")
        if year is not None and not (1900 <= year <= 2100):
            self.add_error("year", _("Give a year such as 2024."))
        return cleaned
