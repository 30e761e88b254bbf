"""The results' vocabularies (TextChoices), apart from the models: the forms, checks and
downloads name them too. results.models re-exports them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Unit(models.TextChoices):
    PEOPLE = "people", _("People")
    PERCENT = "percent", _("Percent")
    NUMBER = "number", _("Number")
    AMOUNT = "amount", _("Amount of money")
    MILESTONE = "milestone", _("Milestone reached (yes/no, with a date)")


class Aggregation(models.TextChoices):
    """How the values of several activities make one figure: people reached by several
    activities may be the same people, so counts are not summed blindly."""

    SUM = "sum", _("Sum over activities")
    LATEST = "latest", _("Latest value")
    LARGEST = "largest", _("Largest value")
    NONE = "none", _("Never added")


class SdgComponent(models.TextChoices):
    """SDG indicator 1.3.1 (population covered by at least one social protection benefit)
    and its components, as ILO's World Social Protection Report counts them."""

    TOTAL = "total", _("SDG 1.3.1: population covered by at least one benefit")
    CHILDREN = "children", _("Children")
    MOTHERS_NEWBORNS = "mothers-newborns", _("Mothers with newborns")
    SEVERE_DISABILITY = "severe-disability", _("Persons with severe disabilities")
    UNEMPLOYED = "unemployed", _("Unemployed persons")
    OLDER_PERSONS = "older-persons", _("Older persons")
    VULNERABLE = "vulnerable", _("Vulnerable persons")


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")
