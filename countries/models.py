from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries as iso_countries
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core.names import name_key, split_variants


class Region(models.TextChoices):
    """ILO regions."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ARAB_STATES = "arab-states", _("Arab States")
    ASIA_PACIFIC = "asia-pacific", _("Asia and the Pacific")
    EUROPE_CENTRAL_ASIA = "europe-central-asia", _("Europe and Central Asia")


def english_name(code: str) -> str:
    """The English name of an ISO code, whatever language is active (stored for search)."""
    with translation.override("en"):
        return str(iso_countries.name(code)) or code


class CountryQuerySet(models.QuerySet["Country"]):
    def by_name(self, value: str) -> "Country | None":
        """Find a country by ISO alpha-2/alpha-3 code, its name or a known variant."""
        value = value.strip()
        if not value:
            return None
        code = iso_countries.alpha2(value) if len(value) in (2, 3) else ""
        if code:
            found = self.filter(code=code).first()
            if found:
                return found
        key = name_key(value)
        for country in self.all():
            if key in country.name_keys():
                return country
        return None


class Country(models.Model):
    """A country or territory where the coalition works (ISO 3166-1)."""

    code = CountryField(_("country"), unique=True)
    # English name, stored so that the matrix can be searched and sorted in SQL;
    # pages show the localized name from django-countries.
    name = models.CharField(_("name"), max_length=100, editable=False, db_index=True)
    region = models.CharField(_("ILO region"), max_length=32, choices=Region.choices)
    name_variants = models.TextField(
        _("name variants"),
        blank=True,
        help_text=_("Other spellings people use, one per line (e.g. Vietnam, Viet Nam)."),
    )

    objects = CountryQuerySet.as_manager()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self) -> str:
        return str(self.code.name)

    def save(self, *args, **kwargs) -> None:
        self.name = english_name(str(self.code))
        super().save(*args, **kwargs)

    @property
    def alpha3(self) -> str:
        return self.code.alpha3

    def name_keys(self) -> set[str]:
        names = [self.name, str(self.code.name), *split_variants(self.name_variants)]
        return {name_key(name) for name in names}


class SelectionCriterion(models.Model):
    """A criterion for choosing countries for joint operations (2012 workplan minutes)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("criterion"), max_length=200, unique=True)
    description = models.TextField(_("what it means"), blank=True)

    class Meta:
        verbose_name = _("selection criterion")
        verbose_name_plural = _("selection criteria")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Rating(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not-met", _("Not met")
    UNKNOWN = "unknown", _("Not known yet")


class CountryAssessmentQuerySet(models.QuerySet["CountryAssessment"]):
    def for_table(self) -> "CountryAssessmentQuerySet":
        return self.select_related("country", "criterion").order_by(
            "country__name", "criterion__number"
        )


class CountryAssessment(models.Model):
    """How a country stands against one selection criterion.

    Ranking countries is politically sensitive: assessments are shown to coalition members
    and the secretariat only, never to the public (see accounts.permissions).
    """

    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="assessments", verbose_name=_("country")
    )
    criterion = models.ForeignKey(
        SelectionCriterion,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("criterion"),
    )
    rating = models.CharField(
        _("rating"), max_length=16, choices=Rating.choices, default=Rating.UNKNOWN
    )
    note = models.TextField(_("evidence or comment"), blank=True)
    assessed_on = models.DateField(_("assessed on"), default=timezone.localdate)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    objects = CountryAssessmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("country assessment")
        verbose_name_plural = _("country assessments")
        ordering = ["country__name", "criterion__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["country", "criterion"], name="one_assessment_per_country_and_criterion"
            ),
            models.CheckConstraint(
                condition=models.Q(rating__in=Rating.values), name="assessment_rating_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country}, {self.criterion.title}: {self.get_rating_display()}"
