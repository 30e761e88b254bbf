"""The coalition's shared knowledge: data sets and indicators, global processes where it can
add its input, and outreach material for civil society. (SPF tools are activities.Tool:
activities name the tools they use.)"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history import register
from simple_history.models import HistoricalRecords

from activities.models import Tool
from core.languages import LanguagesField
from core.translations import in_language


def owner_field(related_name: str, verbose_name: str) -> models.ForeignKey:
    """The agency that owns a catalogue entry: its members keep the entry (catalogues.rules).
    Optional, and kept when the agency goes (the entry then is the secretariat's)."""
    return models.ForeignKey(
        "agencies.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
        verbose_name=verbose_name,
    )


class UpdateFrequency(models.TextChoices):
    CONTINUOUS = "continuous", _("Continuously")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    YEARLY = "yearly", _("Yearly")
    IRREGULAR = "irregular", _("Irregularly")
    ONCE = "once", _("Once (not updated)")


class Access(models.TextChoices):
    API = "api", _("API")
    DOWNLOAD = "download", _("Download")
    ON_REQUEST = "on-request", _("On request")


class DataSet(models.Model):
    """A data set or indicator partners can use (e.g. the World Social Protection Database)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    name_fr = in_language(name, "fr")
    name_es = in_language(name, "es")
    owner = owner_field("data_sets", _("owner"))
    definition = models.TextField(_("definition"), blank=True)
    definition_fr = in_language(definition, "fr")
    definition_es = in_language(definition, "es")
    coverage = models.CharField(
        _("coverage"), max_length=200, blank=True, help_text=_("e.g. 190 countries, 2000-2023")
    )
    update_frequency = models.CharField(
        _("updated"), max_length=12, choices=UpdateFrequency.choices, blank=True
    )
    access = models.CharField(_("how to connect"), max_length=12, choices=Access.choices)
    url = models.URLField(_("link"), blank=True)
    languages = LanguagesField(_("languages"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("data set or indicator")
        verbose_name_plural = _("data sets and indicators")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class GlobalProcess(models.Model):
    """A global process or event where the coalition can add its input (Rio+20, G20, ILC,
    post-MDG consultations). The input deadline becomes a dated step of a workplan
    deliverable, so that the usual reminders chase it (catalogues.services)."""

    name = models.CharField(_("name"), max_length=200)
    name_fr = in_language(name, "fr")
    name_es = in_language(name, "es")
    what = models.TextField(_("what is going on"), blank=True)
    what_fr = in_language(what, "fr")
    what_es = in_language(what, "es")
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("to"), null=True, blank=True)
    place = models.CharField(_("where"), max_length=200, blank=True)
    intervention_points = models.TextField(_("where the coalition can intervene"), blank=True)
    agencies = models.ManyToManyField(
        "agencies.Agency",
        blank=True,
        related_name="global_processes",
        verbose_name=_("agencies engaged"),
    )
    coalition_input = models.TextField(_("the coalition's input"), blank=True)
    input_deadline = models.DateField(_("input deadline"), null=True, blank=True)
    deliverable = models.ForeignKey(
        "workplan.Deliverable",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="global_processes",
        verbose_name=_("workplan deliverable"),
        help_text=_("The input deadline becomes a dated step of this deliverable."),
    )
    input_step = models.OneToOneField(
        "workplan.Step",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="global_process",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("global process or event")
        verbose_name_plural = _("global processes and events")
        ordering = [F("starts_on").asc(nulls_last=True), "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="globalprocess_end_not_before_start",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.input_deadline and not self.deliverable_id:
            message = _("Choose the workplan deliverable the input deadline belongs to.")
            raise ValidationError({"deliverable": message})


class Audience(models.TextChoices):
    CIVIL_SOCIETY = "civil-society", _("Civil society organisations")
    GOVERNMENT = "government", _("Governments")
    SOCIAL_PARTNERS = "social-partners", _("Workers' and employers' organisations")
    PUBLIC = "public", _("General public")


class MaterialFormat(models.TextChoices):
    LEAFLET = "leaflet", _("Leaflet or brochure")
    GUIDE = "guide", _("Guide or handbook")
    VIDEO = "video", _("Video")
    PRESENTATION = "presentation", _("Presentation")
    TRAINING = "training", _("Training package")
    OTHER = "other", _("Other")


class OutreachMaterial(models.Model):
    """Material for civil society and others at country level, in their language."""

    title = models.CharField(_("title"), max_length=200)
    title_fr = in_language(title, "fr")
    title_es = in_language(title, "es")
    audience = models.CharField(_("audience"), max_length=16, choices=Audience.choices)
    format = models.CharField(_("format"), max_length=16, choices=MaterialFormat.choices)
    languages = LanguagesField(_("languages"))
    url = models.URLField(_("link"), blank=True)
    owner = owner_field("outreach_material", _("made by"))
    countries = models.ManyToManyField(
        "countries.Country",
        blank=True,
        related_name="outreach_material",
        verbose_name=_("countries"),
        help_text=_("None: for use anywhere."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("outreach material")
        verbose_name_plural = _("outreach material")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


# The SPF tools are activities.Tool (activities own them: the matrix names the tools its
# activities use); their history, kept because members edit their agency's tools here, is
# this app's table, so that the lead's activities app needs no migration for it.
register(Tool, app="catalogues")
