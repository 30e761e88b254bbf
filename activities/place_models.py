"""The places and themes of an activity (issue 20): the managed list of themes, and the
links of an activity to the countries it covers, the places inside them and its themes,
each with a history of its own like the agencies' (activities.ActivityAgency), so that the
activity's past versions show where it was. activities.models re-exports them; the rules
are activities.places.
"""

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from activities.choices import Scope
from core.names import sort_key
from countries.models import Region


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


def link_exactly(
    activity, model: type[models.Model], ids: Iterable[int], *, new: bool = False
) -> None:
    """Make the activity's links of `model` (ActivityCountry, ActivitySubdivision,
    ActivityTheme) exactly those to `ids`, row by row so that each change is in the links'
    history (a bulk write would leave no trace there). `new`: the activity was just created
    and has none yet (one query less). activities.places says which links are right."""
    key = {
        ActivityCountry: "country_id",
        ActivitySubdivision: "subdivision_id",
        ActivityTheme: "theme_id",
    }[model]
    wanted = list(dict.fromkeys(ids))
    present = (
        {}
        if new
        else {getattr(link, key): link for link in model.objects.filter(activity=activity)}
    )
    # The history names who changed the places, as it does for the activity itself.
    user = getattr(activity, "_history_user", None)
    for linked, link in present.items():
        if linked not in wanted:
            if user is not None:
                link._history_user = user
            link.delete()
    for linked in wanted:
        if linked not in present:
            link = model(activity=activity, **{key: linked})
            if user is not None:
                link._history_user = user
            link.save()


# Reading (activities.places re-exports these; Activity.place is place_label) -----------


def covered_countries(activity) -> list:
    """The countries listed for the activity, the main one first, then by name (reads the
    prefetched `countries` when there)."""
    listed = sorted(activity.countries.all(), key=lambda c: sort_key(str(c)))
    main = next((c for c in listed if c.pk == activity.country_id), None)
    if main is None and activity.country_id is not None and activity.scope == Scope.COUNTRY:
        return [activity.country]  # a row written in bulk without its coverage row
    return [main, *(c for c in listed if c is not main)] if main else listed


def place_label(activity) -> str:
    """Where the activity happens, in a few words: "Senegal", "Senegal, Mali",
    "Africa: regional", "Global"."""
    if activity.scope == Scope.COUNTRY and activity.country_id:
        return str(activity.country)  # no query for the countries' list
    if activity.scope == Scope.GLOBAL:
        return gettext("Global")
    if activity.scope == Scope.REGIONAL:
        return gettext("%(region)s: regional") % {"region": Region(activity.region).label}
    return ", ".join(str(c) for c in covered_countries(activity))
