"""Running counts of the matrix, kept by the database itself (see activities.tallies).

The front page, the map and the dashboard ask "how many activities in each country, region
and place, led by whom, running which years, of which kind, with which agencies" on every
visit; counting 100,000 rows each time made them grow with the matrix. These tables hold
the answers as counts that PostgreSQL triggers (activities.tally_sql) update in the same
transaction as any write to activities, their agencies or their countries, by the ORM,
bulk_create, an import, a restore from history or plain SQL alike. A row whose count fell
to 0 stays (it is read as absent).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Stands for a missing start or end date in YearsTally (a year is never 0).
NO_YEAR = 0


class OwnTally(models.Model):
    """A country's own activities: the one-country ones whose country it is. (By country
    only: the years' split of migration 0007 made the map read a row per country and pair
    of years, tens of thousands at 100,000 activities, to add them up again.)"""

    country = models.OneToOneField(
        "countries.Country",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("country"),
    )
    activities = models.IntegerField(_("activities"), default=0)

    class Meta:
        verbose_name = _("count of a country's own activities")
        verbose_name_plural = _("counts of countries' own activities")

    def __str__(self) -> str:
        return f"{self.country_id}: {self.activities}"


class PlaceTally(models.Model):
    """Activities by scope and region (the region of a regional one, "" otherwise), and of
    those the regional and global ones that list no country: a whole region's, or the
    world's (issue 20). The map's panels and every country's shared count read them."""

    scope = models.CharField(_("scope"), max_length=16)
    region = models.CharField(_("region"), max_length=32)
    activities = models.IntegerField(_("activities"), default=0)
    unlisted = models.IntegerField(_("regional or global, listing no country"), default=0)

    class Meta:
        verbose_name = _("count of activities by place")
        verbose_name_plural = _("counts of activities by place")
        constraints = [models.UniqueConstraint(fields=["scope", "region"], name="placetally_once")]

    def __str__(self) -> str:
        return f"{self.scope} {self.region}: {self.activities} ({self.unlisted} unlisted)"


class YearsTally(models.Model):
    """Every activity of the matrix, once whatever its places, by its years."""

    start_year = models.SmallIntegerField(_("start year"))
    end_year = models.SmallIntegerField(_("end year"))
    activities = models.IntegerField(_("activities"), default=0)

    class Meta:
        verbose_name = _("count of activities by years")
        verbose_name_plural = _("counts of activities by years")
        constraints = [
            models.UniqueConstraint(fields=["start_year", "end_year"], name="yearstally_once")
        ]

    def __str__(self) -> str:
        return f"{self.start_year}-{self.end_year}: {self.activities}"


class SharedTally(models.Model):
    """The activities of several countries or of a region that list a country."""

    country = models.OneToOneField(
        "countries.Country",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("country"),
    )
    activities = models.IntegerField(_("activities"), default=0)

    class Meta:
        verbose_name = _("count of the shared activities listing a country")
        verbose_name_plural = _("counts of the shared activities listing countries")

    def __str__(self) -> str:
        return f"{self.country_id}: {self.activities}"


class LeadTally(models.Model):
    """Activities an agency leads, by their main country."""

    country = models.ForeignKey(
        "countries.Country", on_delete=models.CASCADE, related_name="+", verbose_name=_("country")
    )
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("agency")
    )
    activities = models.IntegerField(_("activities"), default=0)

    class Meta:
        verbose_name = _("count of activities an agency leads in a country")
        verbose_name_plural = _("counts of activities agencies lead in countries")
        constraints = [models.UniqueConstraint(fields=["country", "agency"], name="leadtally_once")]

    def __str__(self) -> str:
        return f"{self.country_id} {self.agency_id}: {self.activities}"


class AgencyTally(models.Model):
    """Activities an agency takes part in (any role)."""

    agency = models.OneToOneField(
        "agencies.Agency",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("agency"),
    )
    activities = models.IntegerField(_("activities"), default=0)

    class Meta:
        verbose_name = _("count of an agency's activities")
        verbose_name_plural = _("counts of agencies' activities")

    def __str__(self) -> str:
        return f"{self.agency_id}: {self.activities}"


class KindTally(models.Model):
    """Activities by scope, type and status, and of those how many cover each R202
    guarantee (the counts named as the activity's flags): the dashboard's charts of the
    matrix (overview.dashboard.activity_charts)."""

    scope = models.CharField(_("scope"), max_length=16)
    activity_type = models.CharField(_("type"), max_length=24)
    status = models.CharField(_("status"), max_length=12)
    activities = models.IntegerField(_("activities"), default=0)
    covers_health = models.IntegerField(_("covering health care"), default=0)
    covers_children = models.IntegerField(_("covering children"), default=0)
    covers_working_age = models.IntegerField(_("covering working age"), default=0)
    covers_older_persons = models.IntegerField(_("covering older persons"), default=0)

    class Meta:
        verbose_name = _("count of activities by kind")
        verbose_name_plural = _("counts of activities by kind")
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "activity_type", "status"], name="kindtally_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.activity_type} {self.status}: {self.activities}"


class AgencyCountryTally(models.Model):
    """An agency's participations by their activity's main country (none: a regional or
    global activity, or one of several countries without a main one), and of those the
    ones it leads: the dashboard's agencies by countries and by activities led."""

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("agency")
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
        verbose_name=_("country"),
    )
    participations = models.IntegerField(_("participations"), default=0)
    leads = models.IntegerField(_("leads"), default=0)

    class Meta:
        verbose_name = _("count of an agency's participations in a country")
        verbose_name_plural = _("counts of agencies' participations in countries")
        constraints = [
            # One row for the activities without a main country too (NULL, counted once).
            models.UniqueConstraint(
                fields=["agency", "country"], name="agencycountrytally_once", nulls_distinct=False
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.country_id}: {self.participations} ({self.leads} led)"


class RegionTally(models.Model):
    """The activities of a region, as its filter finds them (Activity.objects.in_region):
    its regional ones and those whose main or listed country is in it, each once; an
    activity of several regions counts in each (the dashboard's chart by region)."""

    region = models.CharField(_("region"), max_length=32, primary_key=True)
    activities = models.IntegerField(_("activities"), default=0)

    class Meta:
        verbose_name = _("count of a region's activities")
        verbose_name_plural = _("counts of regions' activities")

    def __str__(self) -> str:
        return f"{self.region}: {self.activities}"
