"""Results: what the coalition's work achieved for people, per activity and per country.

An indicator (the secretariat's library) is chosen for an activity with a baseline and
targets; each reporting period the activity's members enter its value, maybe split by sex,
age, guarantee..., with evidence; the secretariat approves it or returns it with a reason.
Only approved values are public. A country's own results (milestones, coverage figures) are
in results.country_models, re-exported here.

Who may see and do what is in results.rules; the checks of a value in results.checks.
"""

from decimal import Decimal

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.roles import AnyUser, agency_ids, is_secretariat
from activities.models import ActivityAgency
from core.people import done_by
from results.choices import Aggregation, ReviewStatus, SdgComponent, Unit
from results.disaggregations import Dimension
from results.reviewed import Reviewed, ReviewedQuerySet

__all__ = [
    "ActivityIndicator",
    "Aggregation",
    "CountryMilestone",
    "CoverageFigure",
    "Dimension",
    "Indicator",
    "ReportingPeriod",
    "ResultValue",
    "ReviewStatus",
    "SdgComponent",
    "Target",
    "Unit",
    "ValuePart",
]

# Large enough for an amount in any currency or a country's population, two decimals for
# percentages.
MAX_DIGITS, DECIMAL_PLACES = 18, 2


def number_field(verbose_name, **kwargs) -> models.DecimalField:
    return models.DecimalField(
        verbose_name, max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, **kwargs
    )


class Indicator(models.Model):
    """An entry of the coalition's library of indicators, kept by the secretariat."""

    code = models.CharField(
        _("code"), max_length=40, unique=True, help_text=_("For example SDG-1.3.1 or LAW.")
    )
    name = models.CharField(_("name"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True, default="")
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True, default="")
    definition = models.TextField(_("definition"), blank=True)
    definition_fr = models.TextField(_("definition (French)"), blank=True, default="")
    definition_es = models.TextField(_("definition (Spanish)"), blank=True, default="")
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code, for amounts.")
    )
    aggregation = models.CharField(
        _("how values add up"), max_length=8, choices=Aggregation.choices
    )
    # Dimension values (results.disaggregations) a value of this indicator may be split by.
    dimensions = models.JSONField(_("disaggregations"), default=list, blank=True)
    sdg_component = models.CharField(
        _("SDG 1.3.1 component"), max_length=20, choices=SdgComponent.choices, blank=True
    )
    # activities.choices.Guarantee values: the R202 guarantees the indicator speaks of.
    guarantees = models.JSONField(_("R202 guarantees"), default=list, blank=True)
    is_active = models.BooleanField(_("offered to members"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["position", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(unit="amount") | ~Q(currency=""),
                name="indicator_amount_has_currency",
                violation_error_message=_("An amount needs its currency (ISO 4217, e.g. USD)."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_count(self) -> bool:
        """Counted things, never below zero, whose parts add up to the whole."""
        return self.unit in (Unit.PEOPLE, Unit.NUMBER, Unit.AMOUNT)


class ReportingPeriod(models.Model):
    """A span results are reported for ("2026 H1"). Closing the round that asks for it locks
    its values; the secretariat may unlock it, with a reason the history keeps."""

    label = models.CharField(_("label"), max_length=60, unique=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    locked_at = models.DateTimeField(_("locked"), null=True, blank=True)
    locked_by = done_by(_("locked by"))
    unlock_reason = models.TextField(_("reason for unlocking"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-start", "label"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="reportingperiod_end_not_before_start",
                violation_error_message=_("A period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None


class ActivityIndicator(models.Model):
    """An indicator an activity reports on, with its baseline."""

    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("activity"),
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="uses", verbose_name=_("indicator")
    )
    baseline_value = number_field(_("baseline"), null=True, blank=True)
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator of an activity")
        verbose_name_plural = _("indicators of activities")
        ordering = ["indicator__position", "indicator__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "indicator"],
                name="activityindicator_once",
                violation_error_message=_("The activity already reports on this indicator."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.indicator.code}"

    def save(self, *args, **kwargs) -> None:
        # Every save of an existing row is a new version (results.concurrency).
        if not self._state.adding:
            self.version += 1
        super().save(*args, **kwargs)


class Target(models.Model):
    """A value the activity aims at by a date (per country for a multi-country one)."""

    activity_indicator = models.ForeignKey(
        ActivityIndicator,
        on_delete=models.CASCADE,
        related_name="targets",
        verbose_name=_("indicator of the activity"),
    )
    value = number_field(_("target"))
    date = models.DateField(_("by"))
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="result_targets",
        verbose_name=_("country"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.value} by {self.date}"


class ResultQuerySet(ReviewedQuerySet):
    def visible_to(self, user: AnyUser) -> "ResultQuerySet":
        """Approved values, and every value of the user's agencies' activities (drafts are
        seen by the activity's agencies and the secretariat)."""
        if is_secretariat(user):
            return self
        mine = agency_ids(user)
        if not mine:
            return self.public()
        theirs = ActivityAgency.objects.filter(
            activity_id=OuterRef("activity_indicator__activity_id"), agency_id__in=mine
        )
        return self.filter(Q(status=ReviewStatus.APPROVED) | Q(Exists(theirs)))

    def of_activity(self, activity_id: int) -> "ResultQuerySet":
        return self.filter(activity_indicator__activity_id=activity_id)


class ResultValue(Reviewed):
    """The value of an activity's indicator for a period (for one of its countries when it
    covers several), reviewed as results.reviewed says."""

    activity_indicator = models.ForeignKey(
        ActivityIndicator,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("indicator of the activity"),
    )
    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.PROTECT,
        related_name="values",
        verbose_name=_("period"),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="result_values",
        verbose_name=_("country"),
        help_text=_("For an activity in several countries: the country this value is for."),
    )
    value = number_field(_("value"))
    achieved_on = models.DateField(_("reached on"), null=True, blank=True)
    evidence_url = models.URLField(_("evidence (link)"), max_length=500, blank=True)
    evidence_note = models.CharField(_("evidence (note)"), max_length=500, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    submitted_by = done_by(_("submitted by"))
    # The secretariat unlocked this one value of a locked period (the reason stays in the
    # history); it locks again with the next lock of its period.
    unlocked_at = models.DateTimeField(_("unlocked"), null=True, blank=True)
    unlock_reason = models.TextField(_("reason for unlocking"), blank=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = ResultQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("result value")
        verbose_name_plural = _("result values")
        ordering = ["-period__start", "activity_indicator__indicator__position", "pk"]
        constraints = [
            # One value per indicator, period and country; a null country is "the activity".
            models.UniqueConstraint(
                fields=["activity_indicator", "period"],
                condition=Q(country__isnull=True),
                name="resultvalue_once_per_period",
                violation_error_message=_("This indicator already has a value for the period."),
            ),
            models.UniqueConstraint(
                fields=["activity_indicator", "period", "country"],
                condition=Q(country__isnull=False),
                name="resultvalue_once_per_period_country",
                violation_error_message=_(
                    "This indicator already has a value for the period and country."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "period"], name="resultvalue_status_period")]

    def __str__(self) -> str:
        return f"{self.activity_indicator_id} {self.period_id}: {self.value}"

    @property
    def is_locked(self) -> bool:
        """In a locked period, unless the secretariat unlocked this value since."""
        locked_at = self.period.locked_at
        if locked_at is None:
            return False
        return self.unlocked_at is None or self.unlocked_at < locked_at


class ValuePart(models.Model):
    """A value's part for one category of a dimension (women: 5,200)."""

    result = models.ForeignKey(
        ResultValue, on_delete=models.CASCADE, related_name="parts", verbose_name=_("value")
    )
    dimension = models.CharField(_("disaggregation"), max_length=12, choices=Dimension.choices)
    category = models.CharField(_("category"), max_length=20)
    value = number_field(_("value"), default=Decimal(0))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("part of a value")
        verbose_name_plural = _("parts of values")
        ordering = ["dimension", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["result", "dimension", "category"],
                name="valuepart_once",
                violation_error_message=_("This category is already given for the value."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dimension}={self.category}: {self.value}"


# A country's own results: their own module, re-exported here.
from results.country_models import CountryMilestone, CoverageFigure  # noqa: E402
