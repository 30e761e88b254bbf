"""Partners' contributions to the coalition and the Flagship Programme.

An amount is money: a Decimal and its ISO 4217 currency, together or not at all (a named
constraint refuses an amount without a currency). Totals are per currency, always
(funding.totals).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from activities.models import Guarantee
from funding.currencies import CURRENCY_CHOICES, CURRENCY_CODES


def amount_field() -> models.DecimalField:
    return models.DecimalField(_("amount"), max_digits=16, decimal_places=2)


def currency_field(help_text: str) -> models.CharField:
    return models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, help_text=help_text
    )


def money_constraints(model_name: str) -> list[models.CheckConstraint]:
    """An amount is more than zero and has its ISO 4217 currency: the same two rules, named
    after the model, for every model that holds money."""
    return [
        models.CheckConstraint(
            condition=Q(currency__in=CURRENCY_CODES),
            name=f"{model_name}_amount_has_currency",
            violation_error_code="no_currency",
            violation_error_message=_("An amount needs its ISO 4217 currency (e.g. USD)."),
        ),
        models.CheckConstraint(
            condition=Q(amount__gt=0),
            name=f"{model_name}_amount_positive",
            violation_error_message=_("The amount must be more than zero."),
        ),
    ]


class Channel(models.TextChoices):
    """How the money reaches the work (Flagship Programme partners meetings)."""

    MULTI_DONOR_TRUST_FUND = "multi-donor-trust-fund", _("Multi-donor trust fund")
    COUNTRY_JOINT_FUND = "country-joint-fund", _("Country-level joint fund")
    DELIVERING_AS_ONE = "delivering-as-one", _("Delivering as One fund")
    FLAGSHIP_FUND = "flagship-fund", _("Flagship Programme fund")
    BILATERAL = "bilateral", _("Bilateral")
    OTHER = "other", _("Other")


class ContributionStatus(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    PAID = "paid", _("Paid")


class Contribution(models.Model):
    partner = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="contributions",
        verbose_name=_("partner"),
    )
    channel = models.CharField(_("channel"), max_length=32, choices=Channel.choices)
    amount = amount_field()
    currency = currency_field(_("ISO 4217 code, e.g. USD, EUR, CHF."))
    status = models.CharField(
        _("pledged or paid"),
        max_length=8,
        choices=ContributionStatus.choices,
        default=ContributionStatus.PLEDGED,
    )
    start_year = models.PositiveSmallIntegerField(
        _("from (year)"), help_text=_("Totals per year count the contribution in this year.")
    )
    end_year = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)
    countries = models.ManyToManyField(
        "countries.Country",
        blank=True,
        related_name="contributions",
        verbose_name=_("countries"),
        help_text=_("None: not earmarked for a country."),
    )
    themes = models.JSONField(
        _("themes (R202 guarantees)"),
        default=list,
        blank=True,
        help_text=_("The guarantees the money is earmarked for, if any."),
    )
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-start_year", "partner__acronym", "pk"]
        constraints = [
            *money_constraints("contribution"),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=F("start_year")),
                name="contribution_end_not_before_start",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} {self.amount} {self.currency} ({self.start_year})"

    def clean(self) -> None:
        unknown = [theme for theme in self.themes or [] if theme not in Guarantee.values]
        if unknown:
            raise ValidationError({"themes": _("Unknown theme: %s.") % ", ".join(unknown)})

    @property
    def period(self) -> str:
        if self.end_year and self.end_year != self.start_year:
            return f"{self.start_year}-{self.end_year}"
        return str(self.start_year)

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(Guarantee.choices)
        return [str(labels[theme]) for theme in self.themes or [] if theme in labels]


class ActivityBudget(models.Model):
    """An activity's budget for one year: what a funder puts in, in its currency. Published
    in the IATI export as the activity's yearly budgets."""

    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.CASCADE,
        related_name="budgets",
        verbose_name=_("activity"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    amount = amount_field()
    currency = currency_field(_("ISO 4217 code."))
    funder = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activity_budgets",
        verbose_name=_("funder"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("activity budget")
        verbose_name_plural = _("activity budgets")
        ordering = ["activity", "year", "pk"]
        constraints = [
            *money_constraints("activitybudget"),
            models.CheckConstraint(
                condition=Q(year__gte=1990) & Q(year__lte=2100),
                name="activitybudget_year_plausible",
                violation_error_message=_("Give the budget's year (1990 to 2100)."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity.reference} {self.year}: {self.amount} {self.currency}"
