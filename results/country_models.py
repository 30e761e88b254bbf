"""A country's own results (contribution, not attribution): dated milestones ("universal
child benefit law adopted, May 2023") and national coverage figures, each linked to the
activities and agencies that contributed. Members add them for the countries where their
agencies work, the secretariat everywhere; they are reviewed like an activity's values."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.roles import AnyUser, agency_ids, is_secretariat
from core.languages import LANGUAGE_CHOICES
from core.people import done_by
from results.choices import ReviewStatus
from results.reviewed import Reviewed, ReviewedQuerySet


class ContributionQuerySet(ReviewedQuerySet):
    def visible_to(self, user: AnyUser) -> "ContributionQuerySet":
        """Approved ones, and those the user added or their agencies contributed to."""
        if is_secretariat(user):
            return self
        if not user.is_authenticated:
            return self.public()
        mine = agency_ids(user)
        return self.filter(
            Q(status=ReviewStatus.APPROVED)
            | Q(created_by=user)
            | Q(pk__in=self.model.objects.filter(agencies__in=mine).values("pk"))
        )


class Contribution(Reviewed):
    """What milestones and coverage figures share: where it comes from, who added it, and
    the review (results.reviewed)."""

    source = models.CharField(
        _("source"), max_length=500, blank=True, help_text=_("A link or a reference.")
    )
    created_by = done_by(_("added by"))

    objects = ContributionQuerySet.as_manager()

    class Meta:
        abstract = True


class CountryMilestone(Contribution):
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="milestones",
        verbose_name=_("country"),
    )
    title = models.CharField(_("milestone"), max_length=300)
    # The language the title is written in (a national law's name stays in its language).
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES, default="en")
    achieved_on = models.DateField(_("reached on"))
    activities = models.ManyToManyField(
        "activities.Activity",
        blank=True,
        related_name="milestones",
        verbose_name=_("contributing activities"),
    )
    agencies = models.ManyToManyField(
        "agencies.Agency",
        blank=True,
        related_name="milestones",
        verbose_name=_("contributing agencies"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("country milestone")
        verbose_name_plural = _("country milestones")
        ordering = ["-achieved_on", "pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.achieved_on:%Y-%m})"


class CoverageFigure(Contribution):
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="coverage_figures",
        verbose_name=_("country"),
    )
    indicator = models.ForeignKey(
        "results.Indicator",
        on_delete=models.PROTECT,
        related_name="coverage_figures",
        verbose_name=_("indicator"),
    )
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=2)
    year = models.PositiveSmallIntegerField(_("year"))
    activities = models.ManyToManyField(
        "activities.Activity",
        blank=True,
        related_name="coverage_figures",
        verbose_name=_("contributing activities"),
    )
    agencies = models.ManyToManyField(
        "agencies.Agency",
        blank=True,
        related_name="coverage_figures",
        verbose_name=_("contributing agencies"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("national coverage figure")
        verbose_name_plural = _("national coverage figures")
        ordering = ["indicator__position", "-year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "indicator", "year"],
                name="coveragefigure_once_a_year",
                violation_error_message=_(
                    "This country already has a figure for this indicator and year."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.indicator_id} {self.year}: {self.value}"
