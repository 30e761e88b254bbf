from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.names import NameIndex, split_variants
from countries.models import Region


class AgencyKind(models.TextChoices):
    UN_AGENCY = "un", _("UN agency")
    IFI = "ifi", _("International financial institution")
    GOVERNMENT = "government", _("Government or ministry")
    NGO = "ngo", _("NGO / civil society")
    DONOR = "donor", _("Donor or fund")
    ACADEMIA = "academia", _("Academia")
    SOCIAL_PARTNER = "social-partner", _("Workers' or employers' organisation")


class AgencyQuerySet(models.QuerySet["Agency"]):
    def name_index(self) -> NameIndex[int]:
        """Every way these agencies are written -> their ids, for the hub's one matcher:
        the acronym (strong: it wins over another agency's variant), the full name and the
        variants (an acronym in French or Spanish, "UNWomen"). One query."""
        index: NameIndex[int] = NameIndex()
        rows = list(self.order_by().values_list("pk", "acronym", "name", "name_variants"))
        for pk, acronym, _name, _variants in rows:
            index.add(acronym, pk, acronym, strong=True)
        for pk, acronym, name, variants in rows:
            for written in (name, *split_variants(variants)):
                index.add(written, pk, acronym)
        return index

    def by_name(self, value: str) -> "Agency | None":
        """The agency written as `value` (acronym, full name or variant), None if none is.
        Raises core.names.AmbiguousName for a name that several agencies have."""
        pk = self.name_index().get(value) if value.strip() else None
        return self.filter(pk=pk).first() if pk is not None else None


class Agency(models.Model):
    """A coalition member or partner organisation."""

    acronym = models.CharField(
        _("acronym"), max_length=32, help_text=_("Short name used across the hub, e.g. ILO.")
    )
    name = models.CharField(_("full name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=AgencyKind.choices)
    is_member = models.BooleanField(
        _("coalition member"),
        default=True,
        help_text=_("Members are asked to keep the matrix current; partners are not."),
    )
    name_variants = models.TextField(
        _("name variants"),
        blank=True,
        help_text=_("Other spellings people use, one per line (e.g. UNWomen)."),
    )
    website = models.URLField(_("website"), blank=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["acronym"]
        constraints = [
            models.UniqueConstraint(
                Lower("acronym"),
                name="agency_acronym_unique_ci",
                violation_error_message=_("An agency with this acronym already exists."),
            ),
        ]

    def __str__(self) -> str:
        return self.acronym


class FocalLevel(models.TextChoices):
    COUNTRY = "country", _("Country")
    REGIONAL = "regional", _("Regional")
    GLOBAL = "global", _("Global")


class FocalPoint(models.Model):
    """A named contact at an agency, for a country, a region or the global level."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="focal_points", verbose_name=_("agency")
    )
    name = models.CharField(_("name"), max_length=120)
    position = models.CharField(_("position"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=FocalLevel.choices)
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focal_points",
        verbose_name=_("country"),
    )
    region = models.CharField(_("region"), max_length=32, choices=Region.choices, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Open data (the IATI export) is public: a contact goes there only with the person's
    # agreement, recorded here.
    publishes_contact = models.BooleanField(
        _("contact may be published"),
        default=False,
        help_text=_("The person agreed that their contact appears in open data (IATI)."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(level=FocalLevel.COUNTRY, country__isnull=False, region="")
                    | Q(level=FocalLevel.REGIONAL, country__isnull=True) & ~Q(region="")
                    | Q(level=FocalLevel.GLOBAL, country__isnull=True, region="")
                ),
                name="focalpoint_scope_matches_level",
                violation_error_message=_(
                    "A country focal point needs a country (and no region), a regional one a "
                    "region (and no country), a global one neither."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency.acronym})"

    def clean(self) -> None:
        """Say which field breaks the level rule (the constraint only says that one does)."""
        errors: dict[str, str] = {}
        if self.level == FocalLevel.COUNTRY:
            if not self.country_id:
                errors["country"] = _("A country focal point needs a country.")
            if self.region:
                errors["region"] = _("A country focal point has no region: leave it empty.")
        elif self.level == FocalLevel.REGIONAL:
            if not self.region:
                errors["region"] = _("A regional focal point needs a region.")
            if self.country_id:
                errors["country"] = _("A regional focal point has no country: leave it empty.")
        elif self.level == FocalLevel.GLOBAL:
            message = _("A global focal point has no country or region: leave it empty.")
            if self.country_id:
                errors["country"] = message
            if self.region:
                errors["region"] = message
        if errors:
            raise ValidationError(errors)

    @property
    def scope(self) -> str:
        """Where this person is the contact: a country, a region or 'Global'."""
        if self.level == FocalLevel.COUNTRY and self.country_id:
            return str(self.country)
        if self.level == FocalLevel.REGIONAL:
            return self.get_region_display()
        return str(FocalLevel.GLOBAL.label)
