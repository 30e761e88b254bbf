"""A country's status in the coalition's work, and its joint country workplan."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.roles import AnyUser
from core.latest import first_of_each
from decisions.models.meetings import sees_members_only


class Status(models.TextChoices):
    CANDIDATE = "candidate", _("candidate")
    REQUEST = "request", _("request received")
    SELECTED = "selected", _("selected for joint work")
    PILOT = "pilot", _("pilot country")
    SELF_STARTER = "self-starter", _("self-starter")
    FLAGSHIP = "flagship", _("Flagship target")


# Candidates and requests are politically sensitive, like the ranking they come from: members
# only. The rest is what the coalition says in public.
PUBLIC_STATUSES = (Status.SELECTED, Status.PILOT, Status.SELF_STARTER, Status.FLAGSHIP)
# Statuses under which a country has a joint country workplan.
WORKING_STATUSES = PUBLIC_STATUSES


class CountryStatusQuerySet(models.QuerySet):
    def visible_to(self, user: AnyUser) -> CountryStatusQuerySet:
        return self if sees_members_only(user) else self.filter(status__in=PUBLIC_STATUSES)

    def current(self) -> CountryStatusQuerySet:
        """Each country's latest status (the one with the latest date)."""
        return first_of_each(self, "country_id", "-since", "-pk")


class CountryStatus(models.Model):
    """One change of a country's status: what it became, from when, and by which decision.
    Kept as a list: the latest is the country's status, the earlier ones its history."""

    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.CASCADE,
        related_name="statuses",
        verbose_name=_("country"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    since = models.DateField(
        _("since"), error_messages={"null": _("Give the date the status took effect.")}
    )
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="country_statuses",
        verbose_name=_("decision"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords()
    objects = CountryStatusQuerySet.as_manager()

    class Meta:
        verbose_name = _("country status")
        verbose_name_plural = _("country statuses")
        ordering = ["country", "-since", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="country_status_known"
            ),
        ]
        indexes = [models.Index(fields=["country", "-since"], name="country_status_since_idx")]

    def __str__(self) -> str:
        return f"{self.country}: {self.get_status_display()} ({self.since:%d %b %Y})"

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES


class CountryDeliverable(models.Model):
    """A deliverable of the workplan that belongs to a country's joint workplan: its steps,
    lead agencies (the deliverable's responsible agencies), progress and reminders are the
    workplan's own; this adds the country and the matrix rows that carry it out."""

    deliverable = models.OneToOneField(
        "workplan.Deliverable",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="country_plan",
        verbose_name=_("deliverable"),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.CASCADE,
        related_name="joint_workplan",
        verbose_name=_("country"),
    )
    activities = models.ManyToManyField(
        "activities.Activity",
        blank=True,
        related_name="country_deliverables",
        verbose_name=_("matrix rows carrying it out"),
    )

    class Meta:
        verbose_name = _("joint country workplan deliverable")
        verbose_name_plural = _("joint country workplans")
        ordering = ["country", "deliverable"]

    def __str__(self) -> str:
        return f"{self.country}: {self.deliverable}"
