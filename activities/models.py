import datetime
import secrets
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from activities.choices import (
    GUARANTEE_FIELDS,
    ActivityStatus,
    ActivityType,
    Guarantee,
    ProposalState,
    Role,
    Scope,
)
from core.languages import LanguagesField
from core.names import NameIndex
from core.people import done_by
from countries.models import Region

if TYPE_CHECKING:
    from countries.models import Country, Subdivision

# The scopes whose activities list their countries (ActivityCountry) beyond a main one.
LISTING_SCOPES = [Scope.MULTI_COUNTRY, Scope.REGIONAL]

# Crockford's base32 without look-alikes: references are read aloud and typed by people.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_reference() -> str:
    """A stable public reference for an activity (kept in exports and imports)."""
    return "SPF-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


END_BEFORE_START = _("The end date cannot be before the start date.")


def check_dates(
    start: datetime.date | None, end: datetime.date | None, *, name_start: bool = False
) -> None:
    """The rule "an activity does not end before it starts", said on the end date.

    The one check of the forms, the admin, closing a row and the import (the database
    constraint activity_end_not_before_start says the same as a last resort). `name_start`
    quotes the start date, for a form that does not show it (closing a row).
    """
    if not (start and end and end < start):
        return
    message = END_BEFORE_START
    if name_start:
        message = _(
            "The end date cannot be before the start date (%(start)s): pick a later end date "
            "or correct the start date in the edit form."
        ) % {"start": start.isoformat()}
    raise ValidationError({"end_date": ValidationError(message, code="end_before_start")})


def role_order() -> Case:
    """Sort expression putting the lead first, then co-leads, partners, funders."""
    return Case(
        *(When(role=role, then=Value(rank)) for rank, role in enumerate(Role.values)),
        output_field=models.IntegerField(),
    )


class ToolQuerySet(models.QuerySet["Tool"]):
    def name_index(self) -> NameIndex[int]:
        """Every way these tools are written -> their ids, for the hub's one matcher: the
        name (strong), the acronym, the French and Spanish names of the catalogue (a
        partner writes the tool as they read it). One query."""
        index: NameIndex[int] = NameIndex()
        rows = self.order_by().values_list("pk", "name", "acronym", "name_fr", "name_es")
        for pk, name, *others in rows:
            index.add(name, pk, name, strong=True)
            for other in others:
                if other:
                    index.add(other, pk, name)
        return index


class ToolPurpose(models.TextChoices):
    COSTING = "costing", _("Costing (e.g. RAP)")
    ASSESSMENT = "assessment", _("Assessment (e.g. ISPA, CODI)")
    FISCAL_SPACE = "fiscal-space", _("Fiscal space analysis")
    LEGAL = "legal", _("Legal and policy design")
    MONITORING = "monitoring", _("Monitoring and data")
    OTHER = "other", _("Other")


class Tool(models.Model):
    """An entry in the catalogue of SPF tools (SPF costing tool / RAP, ISPA tools...)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    # The catalogue of tools shows the name and description in the reader's language
    # (core.translations: English is the field itself, a fallback).
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True, default="")
    name_es = models.CharField(_("name (Spanish)"), max_length=120, blank=True, default="")
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    owner = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tools",
        verbose_name=_("owner"),
    )
    description = models.TextField(_("description"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True, default="")
    description_es = models.TextField(_("description (Spanish)"), blank=True, default="")
    url = models.URLField(_("link"), blank=True)
    purpose = models.CharField(_("purpose"), max_length=16, choices=ToolPurpose.choices, blank=True)
    languages = LanguagesField(_("languages"))

    objects = ToolQuerySet.as_manager()

    class Meta:
        verbose_name = _("SPF tool")
        verbose_name_plural = _("SPF tools")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.acronym or self.name


def running_in(year: int) -> Q:
    """Running at some point in the year (open-ended ones included, undated ones not): for
    activities and for their past records alike."""
    return (
        (Q(start_date__year__lte=year) | Q(start_date__isnull=True))
        & (Q(end_date__year__gte=year) | Q(end_date__isnull=True))
        & ~Q(start_date__isnull=True, end_date__isnull=True)
    )


class ActivityQuerySet(models.QuerySet["Activity"]):
    def with_agency(self, agency_id: int, role: str | None = None) -> "ActivityQuerySet":
        """Activities in which the agency takes part (in the given role, if one is given)."""
        return self.with_agencies([agency_id], [role] if role else [])

    def with_agencies(
        self, agency_ids: Iterable[int], roles: Iterable[str] = ()
    ) -> "ActivityQuerySet":
        """Activities in which one of the agencies takes part (in one of the roles, if any
        are given)."""
        links = ActivityAgency.objects.filter(activity=OuterRef("pk"), agency_id__in=agency_ids)
        roles = list(roles)
        if roles:
            links = links.filter(role__in=roles)
        return self.filter(Exists(links))

    def with_guarantee(self, guarantee: str) -> "ActivityQuerySet":
        return self.filter(**{GUARANTEE_FIELDS[guarantee]: True})

    # Places (issue 20; the rules are activities.places). A one-country activity is found by
    # its main country itself, not only its coverage row, so that rows written in bulk
    # without one are never lost from their country.

    def own_in(self, country: "Country | int") -> "ActivityQuerySet":
        """The country's own activities: those in it alone."""
        return self.filter(scope=Scope.COUNTRY, country=country)

    def shared_with(self, country: "Country") -> "ActivityQuerySet":
        """The activities of several countries, of a region or of the world that include
        the country: listed among its countries, regional with no list in its region, or
        global."""
        listed = ActivityCountry.objects.filter(activity=OuterRef("pk"), country=country)
        any_listed = ActivityCountry.objects.filter(activity=OuterRef("pk"))
        return self.exclude(scope=Scope.COUNTRY).filter(
            Exists(listed)
            | Q(scope=Scope.REGIONAL, region=country.region) & ~Exists(any_listed)
            | Q(scope=Scope.GLOBAL)
        )

    def covering(self, country: "Country") -> "ActivityQuerySet":
        """Every activity that happens in the country: its own and the shared ones."""
        return self.covering_any([country.pk], {country.region})

    def covering_any(
        self, country_ids: Iterable[int], regions: Iterable[str]
    ) -> "ActivityQuerySet":
        """Every activity that happens in one of the countries (their regions given, for the
        regional activities of a whole region): the union of covering_parts' ids."""
        parts = [part.values("pk") for part in self.covering_parts(country_ids, regions)]
        return self.filter(pk__in=parts[0].union(*parts[1:], all=True))

    def covering_parts(
        self, country_ids: Iterable[int], regions: Iterable[str]
    ) -> list["ActivityQuerySet"]:
        """The rule of covering_any (activities.places), as four parts that no activity is
        in twice, each found on an index: the countries' one-country activities (by their
        main country); the activities of several countries and the regional ones that list
        one of them (by their coverage rows, activity_listing_idx); the regional activities
        of a whole region, listing no country (by scope and region); the global ones (by
        scope). One OR of the four, with EXISTS over the coverage table, reads every
        activity: a sequential scan of the whole matrix for one country's page, seconds at
        100,000 activities.

        Their union is the covering activities (covering_any; covering_rows, for a page
        sorted without filters, unions the rows themselves)."""
        country_ids, regions = list(country_ids), list(regions)
        activities = Activity.objects.order_by()
        listing = ActivityCountry.objects.order_by().filter(country__in=country_ids)
        return [
            activities.filter(scope=Scope.COUNTRY, country__in=country_ids),
            activities.filter(scope__in=LISTING_SCOPES, pk__in=listing.values("activity_id")),
            activities.filter(scope=Scope.REGIONAL, region__in=regions).filter(
                ~Exists(ActivityCountry.objects.filter(activity=OuterRef("pk")))
            ),
            # Every global activity, whatever it lists (a form never lets it list any).
            activities.filter(scope=Scope.GLOBAL),
        ]

    def covering_rows(
        self,
        country: "Country",
        prepare: "Callable[[ActivityQuerySet], ActivityQuerySet]" = lambda rows: rows,
    ) -> "ActivityQuerySet":
        """The activities covering the country as one UNION ALL of covering_parts' rows,
        each part `prepare`d (its select_related, say): the database sorts and pages the
        four parts together without fetching every covering activity twice. Only ordered,
        sliced and counted (Django filters no union further); covering() is the filter."""
        parts = [prepare(part) for part in self.covering_parts([country.pk], [country.region])]
        return parts[0].union(*parts[1:], all=True)

    def covering_ids(self, country: "Country", start: int, stop: int) -> list[int]:
        """The ids of the activities covering the country from `start` to `stop` in the order
        of title and id, each of covering_parts read only as far as `stop`, in its index's
        order. Sorting every covering row instead (the world's global ones are on every
        country's page) was most of a busy country's page at 100,000 activities."""
        if stop <= start:
            return []
        parts = self.covering_parts([country.pk], [country.region])
        firsts = [part.order_by("title", "pk").values_list("pk", "title")[:stop] for part in parts]
        ordered = firsts[0].union(*firsts[1:], all=True).order_by("title", "pk")
        return [pk for pk, _title in ordered[start:stop]]

    def of_scope(self, scope: str) -> "ActivityQuerySet":
        return self.filter(scope=scope)

    def in_region(self, region: str) -> "ActivityQuerySet":
        """The activities of the region itself and those in any of its countries."""
        listed = ActivityCountry.objects.filter(activity=OuterRef("pk"), country__region=region)
        return self.filter(
            Q(scope=Scope.REGIONAL, region=region) | Q(country__region=region) | Exists(listed)
        )

    def in_subdivision(self, subdivision: "Subdivision | int") -> "ActivityQuerySet":
        links = ActivitySubdivision.objects.filter(activity=OuterRef("pk"), subdivision=subdivision)
        return self.filter(Exists(links))

    def with_theme(self, theme: "Theme | int") -> "ActivityQuerySet":
        return self.filter(
            Exists(ActivityTheme.objects.filter(activity=OuterRef("pk"), theme=theme))
        )

    def in_year(self, year: int) -> "ActivityQuerySet":
        """Activities running at some point in the year (open-ended ones included)."""
        return self.filter(running_in(year))

    def for_rows(self) -> "ActivityQuerySet":
        """What activities.matrix_table needs joined in; it fetches agencies and tools itself."""
        return self.select_related("country", "focal_point__agency")

    def for_matrix(self) -> "ActivityQuerySet":
        """Everything a matrix row shows, in a fixed number of queries."""
        return self.select_related("country", "focal_point__agency").prefetch_related(
            models.Prefetch(
                "participations",
                queryset=ActivityAgency.objects.select_related("agency").order_by(
                    role_order(), "agency__acronym"
                ),
            ),
            "tools_used",
            "tools_needed",
        )


class Activity(models.Model):
    """One SPF activity: one row of the coalition's matrix, in one country, several, a
    region or everywhere (its scope; activities.places holds the rules)."""

    reference = models.CharField(
        _("reference"),
        max_length=20,
        unique=True,
        default=new_reference,
        editable=False,
        help_text=_("Stable public reference; keep it when editing a spreadsheet."),
    )
    scope = models.CharField(
        _("scope"), max_length=16, choices=Scope.choices, default=Scope.COUNTRY
    )
    # Set for a regional activity only.
    region = models.CharField(_("region"), max_length=32, choices=Region.choices, blank=True)
    # The main country: the one of a one-country activity, optional for several countries,
    # none for a regional or global one. Every country covered is in `countries`.
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("main country"),
        # Indexed with the title (activity_country_title_idx), which serves its lookups too.
        db_index=False,
    )
    countries = models.ManyToManyField(
        "countries.Country",
        through="ActivityCountry",
        blank=True,
        related_name="activities_covering",
        verbose_name=_("countries"),
    )
    subdivisions = models.ManyToManyField(
        "countries.Subdivision",
        through="ActivitySubdivision",
        blank=True,
        related_name="activities",
        verbose_name=_("places in the countries"),
    )
    themes = models.ManyToManyField(
        "Theme",
        through="ActivityTheme",
        blank=True,
        related_name="activities",
        verbose_name=_("themes"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    activity_type = models.CharField(_("type"), max_length=24, choices=ActivityType.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=ActivityStatus.choices, default=ActivityStatus.ONGOING
    )
    covers_health = models.BooleanField(_("essential health care"), default=False)
    covers_children = models.BooleanField(_("income security for children"), default=False)
    covers_working_age = models.BooleanField(_("income security in working age"), default=False)
    covers_older_persons = models.BooleanField(
        _("income security for older persons"), default=False
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    agencies = models.ManyToManyField(
        "agencies.Agency",
        through="ActivityAgency",
        related_name="activities",
        verbose_name=_("agencies"),
    )
    focal_point = models.ForeignKey(
        "agencies.FocalPoint",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("focal point"),
    )
    tools_used = models.ManyToManyField(
        Tool, blank=True, related_name="used_in", verbose_name=_("tools used")
    )
    tools_needed = models.ManyToManyField(
        Tool, blank=True, related_name="needed_in", verbose_name=_("tools needed")
    )
    funding = models.TextField(_("funding"), blank=True)
    # Bumped on every save: an edit based on an older version is refused, not applied
    # over someone else's change (see activities.concurrency).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True, db_index=True)

    objects = ActivityQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("SPF activity")
        verbose_name_plural = _("SPF activities")
        ordering = ["country__name", "title"]
        indexes = [
            models.Index(fields=["status"], name="activity_status_idx"),
            models.Index(fields=["activity_type"], name="activity_type_idx"),
            models.Index(fields=["start_date"], name="activity_start_idx"),
            models.Index(fields=["scope", "region"], name="activity_scope_region_idx"),
            # The activities that may list countries (several countries, regional), by id:
            # what covering_parts joins a country's coverage rows to (a tenth of the matrix).
            models.Index(
                fields=["id"],
                condition=Q(scope__in=LISTING_SCOPES),
                name="activity_listing_idx",
            ),
            # A country's rows in the matrix's order (activities.country_order): a page within
            # one country reads its 50 rows in order, not all of the country's to sort them.
            models.Index(fields=["country", "title", "id"], name="activity_country_title_idx"),
            # The main country of the activities of several countries, of a region or of the
            # world (one in ten): counted per country beside the tallies' one-country counts
            # without reading the table (activities.country_order.rows_by_main_country).
            models.Index(
                fields=["country"],
                condition=~Q(scope=Scope.COUNTRY),
                name="activity_shared_country_idx",
            ),
            # The map's panels: the first few regional and global activities of each by
            # title (overview.map_places), read from here whatever the matrix's size.
            models.Index(
                fields=["scope", "region", "title", "id"],
                condition=Q(scope__in=[Scope.REGIONAL, Scope.GLOBAL]),
                name="activity_beyond_title_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(scope__in=Scope.values), name="activity_scope_is_known"
            ),
            models.CheckConstraint(
                condition=~Q(scope=Scope.COUNTRY) | Q(country__isnull=False),
                name="activity_one_country_is_named",
            ),
            models.CheckConstraint(
                condition=~Q(scope__in=[Scope.REGIONAL, Scope.GLOBAL]) | Q(country__isnull=True),
                name="activity_no_main_country_beyond_countries",
            ),
            models.CheckConstraint(
                condition=(Q(scope=Scope.REGIONAL) & ~Q(region=""))
                | (~Q(scope=Scope.REGIONAL) & Q(region="")),
                name="activity_region_only_when_regional",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="activity_end_not_before_start",
                violation_error_code="end_before_start",
                violation_error_message=END_BEFORE_START,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def save(self, *args, **kwargs) -> None:
        # Every save of an existing row is a new version (see activities.concurrency).
        adding = self._state.adding
        if not adding:
            self.version += 1
        super().save(*args, **kwargs)
        # A one-country activity covers its country and no other, whoever saves it (forms,
        # admin, restore, the code of any app): its coverage row follows the country.
        if self.scope == Scope.COUNTRY and (
            adding or getattr(self, "_saved_place", None) != (self.scope, self.country_id)
        ):
            covered = [self.country_id] if self.country_id else []
            link_exactly(self, ActivityCountry, covered, new=adding)
        self._saved_place = (self.scope, self.country_id)

    @classmethod
    def from_db(cls, db, field_names, values):
        activity = super().from_db(db, field_names, values)
        # Remembered to tell, on save, whether a one-country activity moved (see save).
        activity._saved_place = (
            activity.__dict__.get("scope"),
            activity.__dict__.get("country_id"),
        )
        return activity

    def clean(self) -> None:
        check_dates(self.start_date, self.end_date)

    @property
    def place(self) -> str:
        """Where it happens, in a few words: "Senegal", "Senegal, Mali", "Africa: regional",
        "Global" (activities.places.place_label; reads the prefetched countries if any)."""
        return place_label(self)

    @property
    def guarantees(self) -> list[str]:
        """Labels of the R202 guarantees the activity touches."""
        return [
            str(Guarantee(value).label)
            for value, field in GUARANTEE_FIELDS.items()
            if getattr(self, field)
        ]

    @property
    def lead(self) -> "ActivityAgency | None":
        """The lead agency link, read from the prefetched participations."""
        return next((p for p in self.participations.all() if p.role == Role.LEAD), None)


class ActivityAgencyQuerySet(models.QuerySet["ActivityAgency"]):
    def agencies_in(self, country_id: int) -> list[dict[str, object]]:
        """The agencies taking part in the country's activities: acronym, how many they take
        part in (`n`) and lead (`leads`); leaders first, then the busiest (the country page
        and its brief)."""
        rows = (
            self.filter(activity__country_id=country_id)
            .values_list("agency__acronym")
            # Counting agency_id (never null) rather than the pk: what the index holds.
            .annotate(n=Count("agency_id"), leads=Count("agency_id", filter=Q(role=Role.LEAD)))
            .order_by()
        )
        found = [{"acronym": acronym, "n": n, "leads": leads} for acronym, n, leads in rows]
        return sorted(found, key=lambda row: (-row["leads"], -row["n"], row["acronym"].lower()))


class ActivityAgency(models.Model):
    """An agency's part in an activity, and its role there."""

    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("activity"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("agency"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PARTNER)

    objects = ActivityAgencyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participating agency")
        verbose_name_plural = _("participating agencies")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "agency"],
                name="activityagency_once_per_activity",
                violation_error_message=_("This agency is already listed for the activity."),
            ),
            models.UniqueConstraint(
                fields=["activity"],
                condition=Q(role=Role.LEAD),
                name="activityagency_one_lead",
                violation_error_message=_("An activity can have only one lead agency."),
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "role"], name="activityagency_agency_role"),
            # A country's agencies (agencies_in) read from the index alone, activity by
            # activity, rather than every participation of the matrix.
            models.Index(
                fields=["activity"], include=["agency", "role"], name="activityagency_activity_with"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} ({self.get_role_display()})"


class RoleProposal(models.Model):
    """A member's proposal that another agency take a role in a row (lead, co-lead, or any
    change of that agency's role): the other agency, or the secretariat, confirms or declines
    it (the rule: activities.participations.needs_agreement). Until then the row keeps the
    agency's role as it was, and shows the proposal."""

    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="role_proposals",
        verbose_name=_("activity"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.CASCADE,
        related_name="role_proposals",
        verbose_name=_("agency asked"),
    )
    role = models.CharField(_("role proposed"), max_length=10, choices=Role.choices)
    # The agency's role when proposed ("" when it did not take part yet).
    role_before = models.CharField(_("role before"), max_length=10, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    state = models.CharField(
        _("state"), max_length=10, choices=ProposalState.choices, default=ProposalState.PENDING
    )
    decided_by = done_by(_("answered by"))
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("role proposal")
        verbose_name_plural = _("role proposals")
        ordering = ["proposed_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "agency"],
                condition=Q(state="pending"),
                name="roleproposal_one_pending_per_agency",
                violation_error_message=_("A proposal for this agency already waits."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.agency_id} {self.role}"


# Themes and the links of an activity to its places and themes (their own module).
from activities.place_models import (  # noqa: E402
    ActivityCountry,
    ActivitySubdivision,
    ActivityTheme,
    Theme,
    link_exactly,
    place_label,
)

# The matrix's running counts (their own module: triggers keep them, nothing here writes them).
from activities.tally_models import (  # noqa: E402, F401
    AgencyCountryTally,
    AgencyTally,
    KindTally,
    LeadTally,
    OwnTally,
    PlaceTally,
    RegionTally,
    SharedTally,
    YearsTally,
)
