"""The places and themes of an activity (issue 20): the managed list of themes, and the
links of an activity to the countries it covers, the places inside them and its themes,
each with a history of its own like the agencies' (activities.ActivityAgency), so that the
activity's past versions show where it was. activities.models re-exports them; the rules
are activities.places.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Theme(models.Model):
    """A theme of the coalition's work beside the four R202 guarantees (climate and just
    transition, care, financing...): a managed list in English, French and Spanish, shown
    with core.translations.translated(theme, "name")."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True, default="")
    name_es = models.CharField(_("name (Spanish)"), max_length=120, blank=True, default="")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class ActivityCountry(models.Model):
    """A country an activity covers (the main one included). Its own history, like the
    agencies': the activity's past versions show where it was."""

    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.CASCADE,
        related_name="coverage",
        verbose_name=_("activity"),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.PROTECT,
        related_name="activity_links",
        verbose_name=_("country"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("country covered")
        verbose_name_plural = _("countries covered")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "country"],
                name="activity_country_once",
                violation_error_message=_("This country is already listed for the activity."),
            )
        ]
        indexes = [models.Index(fields=["country", "activity"], name="activitycountry_country")]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.country_id}"


class ActivitySubdivision(models.Model):
    """A place inside a covered country where the activity happens (history kept)."""

    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.CASCADE,
        related_name="subdivision_links",
        verbose_name=_("activity"),
    )
    subdivision = models.ForeignKey(
        "countries.Subdivision",
        on_delete=models.PROTECT,
        related_name="activity_links",
        verbose_name=_("subdivision"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("place in a country")
        verbose_name_plural = _("places in countries")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "subdivision"], name="activity_subdivision_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.subdivision_id}"


class ActivityTheme(models.Model):
    """A theme an activity works on (history kept)."""

    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.CASCADE,
        related_name="theme_links",
        verbose_name=_("activity"),
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="activity_links", verbose_name=_("theme")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("theme of an activity")
        verbose_name_plural = _("themes of activities")
        constraints = [
            models.UniqueConstraint(fields=["activity", "theme"], name="activity_theme_once")
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.theme_id}"
