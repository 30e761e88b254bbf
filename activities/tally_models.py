"""Running counts of the matrix, kept by the database itself (see activities.tallies).

The front page and the map ask "how many activities in each country, led by whom, running
which years, with which agencies" on every visit; counting 100,000 rows each time made them
grow with the matrix. These tables hold the answers as counts that PostgreSQL triggers
(migration 0007) update in the same transaction as any write to activities or their
agencies, by the ORM, bulk_create, an import, a restore from history or plain SQL alike.
A row whose count fell to 0 stays (it is read as absent).
"""

from django.db import models

# Stands for a missing start or end date in CountryYearsTally (a year is never 0).
NO_YEAR = 0


class CountryYearsTally(models.Model):
    """Activities of a country starting and ending in given years (NO_YEAR: no date)."""

    country = models.ForeignKey("countries.Country", on_delete=models.CASCADE, related_name="+")
    start_year = models.SmallIntegerField()
    end_year = models.SmallIntegerField()
    activities = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["country", "start_year", "end_year"], name="countryyearstally_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.country_id} {self.start_year}-{self.end_year}: {self.activities}"


class LeadTally(models.Model):
    """Activities of a country that an agency leads."""

    country = models.ForeignKey("countries.Country", on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    activities = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["country", "agency"], name="leadtally_once")]

    def __str__(self) -> str:
        return f"{self.country_id} {self.agency_id}: {self.activities}"


class AgencyTally(models.Model):
    """Activities an agency takes part in (any role)."""

    agency = models.OneToOneField(
        "agencies.Agency", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    activities = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.agency_id}: {self.activities}"
