import datetime

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries as iso_countries
from django_countries.data import COUNTRIES as ISO_NAMES
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core.names import NameIndex, in_every_language, split_variants
from core.translations import in_language, translated
from countries.subdivisions import load_subdivisions
from countries.variants import AMBIGUOUS_NAMES, NAME_VARIANTS


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


def iso_alpha2(code: str) -> str:
    """The alpha-2 code of an ISO alpha-2, alpha-3 or numeric code (any case), "" if none.

    django-countries reads any text that str.isdigit() accepts as a number, and int()
    refuses some of those (a superscript "²"): no ISO code is anything but ASCII anyway.
    """
    return iso_countries.alpha2(code) if code.isascii() else ""


class CountryQuerySet(models.QuerySet["Country"]):
    def name_index(self, *, refuse_ambiguous: bool = False) -> NameIndex[int]:
        """Every way these countries are written -> their ids, for the hub's one matcher.

        ISO codes (alpha-2, alpha-3, numeric) are strong; names are the English and the
        official ISO names, the name in every site language, the variants table
        (countries.variants) and the variants the secretariat stored. One query.
        `refuse_ambiguous` (the importers): names people write for several countries
        ("Congo", "Korea") name none of them.
        """
        index: NameIndex[int] = NameIndex()
        rows = list(self.order_by().values_list("pk", "code", "name", "name_variants"))
        shown = {pk: str(iso_countries.name(code)) or name for pk, code, name, _v in rows}
        for pk, code, _name, _variants in rows:
            for written in (
                code,
                iso_countries.alpha3(code),
                iso_countries.numeric(code, padded=True),
            ):
                index.add(written or "", pk, iso_countries.alpha3(code), strong=True)
        for pk, code, name, variants in rows:
            for written in (name, ISO_NAMES.get(code, ""), *NAME_VARIANTS.get(code, ())):
                index.add(str(written), pk, shown[pk])
            for written in split_variants(variants):
                index.add(written, pk, shown[pk])
        local_name = lazy(iso_countries.name, str)
        for pk, written in in_every_language((pk, local_name(code)) for pk, code, _n, _v in rows):
            index.add(written, pk, shown[pk])
        if refuse_ambiguous:
            by_code = {code: pk for pk, code, _name, _variants in rows}
            for name, codes in AMBIGUOUS_NAMES.items():
                index.ambiguous_name(name, [shown[by_code[c]] for c in codes if c in by_code])
        return index

    def by_code(self, code: str) -> "Country | None":
        """The country of an ISO code (alpha-2, alpha-3 or numeric, any case), None if none."""
        return self.filter(code=iso_alpha2(code) or "-").first()

    def by_name(self, value: str) -> "Country | None":
        """The country written as `value` (an ISO code, a name or a variant, in any site
        language), None if none is. Raises core.names.AmbiguousName for a name that several
        countries have, naming them: never a silent pick."""
        pk = self.name_index().get(value.strip()) if value.strip() else None
        return self.filter(pk=pk).first() if pk is not None else None


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
        adding = self._state.adding
        self.name = english_name(str(self.code))
        super().save(*args, **kwargs)
        if adding:
            # A new country comes with its provinces and regions (ISO 3166-2, first level).
            load_subdivisions([self], model=Subdivision)

    @property
    def alpha3(self) -> str:
        return self.code.alpha3


class SubdivisionQuerySet(models.QuerySet["Subdivision"]):
    def name_index(self) -> NameIndex[int]:
        """Every way these subdivisions are written -> their ids, for the hub's one matcher:
        the ISO code (strong, "SN-DK"), the ISO name and its variants (English, French,
        Spanish, ASCII). The same name in two countries is ambiguous unless the caller
        narrowed the queryset to one country first. One query."""
        index: NameIndex[int] = NameIndex()
        rows = self.order_by().values_list("pk", "code", "name", "name_variants")
        for pk, code, name, variants in rows:
            index.add(code, pk, name, strong=True)
            for written in (name, *split_variants(variants)):
                index.add(written, pk, name)
        return index


class Subdivision(models.Model):
    """A first-level place inside a country (ISO 3166-2: a region, province, state...),
    where an activity happens within the country. Loaded from pycountry
    (countries.subdivisions), never typed."""

    country = models.ForeignKey(
        Country,
        on_delete=models.CASCADE,
        related_name="subdivisions",
        verbose_name=_("country"),
    )
    code = models.CharField(_("ISO 3166-2 code"), max_length=10, unique=True)
    # The ISO name, in the country's own spelling ("Bayern", "Ciudad de México").
    name = models.CharField(_("name"), max_length=150, db_index=True)
    kind = models.CharField(_("kind"), max_length=60, blank=True)
    name_variants = models.TextField(
        _("name variants"),
        blank=True,
        help_text=_("Other spellings (English, French, Spanish, without accents), one per line."),
    )

    objects = SubdivisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subdivision")
        verbose_name_plural = _("subdivisions")
        ordering = ["country__name", "name"]

    def __str__(self) -> str:
        return self.name


class Computation(models.TextChoices):
    """Criteria the matrix answers by itself: their ratings are computed, never typed."""

    WILLING_LEADS = "willing-leads", _("From the matrix: member agencies leading there")


class SelectionCriterion(models.Model):
    """A criterion for choosing countries for joint operations (2012 workplan minutes)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("criterion"), max_length=200, unique=True)
    description = models.TextField(_("what it means"), blank=True)
    # In the reader's language (core.translations: English is the field itself, a fallback).
    title_fr = in_language(title, "fr")
    title_es = in_language(title, "es")
    description_fr = in_language(description, "fr")
    description_es = in_language(description, "es")
    weight = models.PositiveSmallIntegerField(
        _("weight"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_(
            "How much the criterion counts in the ranking of countries (1 or more): a "
            "criterion of weight 2 counts twice as much as one of weight 1."
        ),
    )
    computed = models.CharField(
        _("answered by"),
        max_length=32,
        blank=True,
        choices=Computation.choices,
        help_text=_(
            "Empty: members assess the criterion. Otherwise the hub computes it from the "
            "matrix, and nobody types its rating."
        ),
    )

    class Meta:
        verbose_name = _("selection criterion")
        verbose_name_plural = _("selection criteria")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gte=1), name="criterion_weight_is_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(computed__in=["", *Computation.values]),
                name="criterion_computation_is_known",
            ),
            models.UniqueConstraint(
                fields=["computed"],
                condition=~models.Q(computed=""),
                name="one_criterion_per_computation",
                violation_error_message=_("Another criterion is already computed this way."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.shown_title}"

    @property
    def shown_title(self) -> str:
        """The title in the reader's language (English where it has none)."""
        return translated(self, "title")

    @property
    def shown_description(self) -> str:
        return translated(self, "description")


class Rating(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not-met", _("Not met")
    UNKNOWN = "unknown", _("Not known yet")


# Value of each rating in a country's weighted score (a criterion not assessed counts 0).
RATING_VALUES: dict[str, float] = {
    Rating.MET: 1.0,
    Rating.PARTLY: 0.5,
    Rating.NOT_MET: 0.0,
    Rating.UNKNOWN: 0.0,
}
# Evidence older than this is marked for a new look.
EVIDENCE_FRESH_FOR = datetime.timedelta(days=365)


class CountryAssessment(models.Model):
    """How a country stands against one selection criterion.

    Ranking countries is politically sensitive: assessments are shown to coalition members
    and the secretariat only, never to the public (see assessments/rules.py).
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
    # Counts the saves: a form remembers the version it showed, and a save based on an
    # older one is refused (countries/assessing.py), so no one overwrites an unseen change.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

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
        return f"{self.country}, {self.criterion.shown_title}: {self.get_rating_display()}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            self.version += 1
        super().save(*args, **kwargs)

    def is_older_than_a_year(self, today: datetime.date) -> bool:
        """Assessed more than a year before `today`: its evidence needs a new look."""
        return today - self.assessed_on > EVIDENCE_FRESH_FOR
