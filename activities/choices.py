"""The matrix's vocabularies (TextChoices), apart from the models that use them: the forms,
filters, imports and exports name them too. activities.models re-exports them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityType(models.TextChoices):
    ADVOCACY = "advocacy", _("Advocacy")
    TECHNICAL_ASSISTANCE = "technical-assistance", _("Technical assistance")
    COSTING = "costing", _("Costing and fiscal space")
    LEGAL = "legal", _("Legal drafting")
    CAPACITY_BUILDING = "capacity-building", _("Capacity building")
    STUDY = "study", _("Study or assessment")
    PILOT = "pilot", _("Pilot implementation")
    SOUTH_SOUTH = "south-south", _("South-South exchange")
    COORDINATION = "coordination", _("Coordination (joint SPF task force)")


class Scope(models.TextChoices):
    """Where an activity happens: one country, several, a region (the ILO regions), or
    everywhere (activities.places states what each needs)."""

    COUNTRY = "country", _("One country")
    MULTI_COUNTRY = "multi-country", _("Several countries")
    REGIONAL = "regional", _("Regional")
    GLOBAL = "global", _("Global")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")
    SUSPENDED = "suspended", _("Suspended")


class Guarantee(models.TextChoices):
    """The four basic social security guarantees of ILO Recommendation 202."""

    HEALTH = "health", _("Essential health care")
    CHILDREN = "children", _("Income security for children")
    WORKING_AGE = "working-age", _("Income security in working age")
    OLDER_PERSONS = "older-persons", _("Income security for older persons")


# The guarantee each boolean column of Activity stands for. Four flags rather than a
# join table: the matrix filters on them on every request.
GUARANTEE_FIELDS: dict[str, str] = {
    Guarantee.HEALTH: "covers_health",
    Guarantee.CHILDREN: "covers_children",
    Guarantee.WORKING_AGE: "covers_working_age",
    Guarantee.OLDER_PERSONS: "covers_older_persons",
}


class Role(models.TextChoices):
    LEAD = "lead", _("Lead")
    CO_LEAD = "co-lead", _("Co-lead")
    PARTNER = "partner", _("Partner")
    FUNDER = "funder", _("Funder")


class ProposalState(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
