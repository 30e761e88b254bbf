"""Update rounds (data calls): the secretariat asks agencies to update and confirm their rows
of the matrix by a deadline, and sees who has answered."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class UpdateRound(models.Model):
    title = models.CharField(_("title"), max_length=200)
    message = models.TextField(
        _("message to members"), blank=True, help_text=_("Shown with the round's banner.")
    )
    deadline = models.DateField(_("deadline"))
    agencies = models.ManyToManyField(
        "agencies.Agency",
        through="RoundAgency",
        related_name="update_rounds",
        verbose_name=_("agencies asked"),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("update round")
        verbose_name_plural = _("update rounds")
        ordering = ["-opened_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def days_left(self) -> int:
        """Days until the deadline (0 on the day itself, negative once it has passed)."""
        return (self.deadline - timezone.localdate()).days


class RoundAgencyStatus(models.TextChoices):
    NOT_STARTED = "not-started", _("Not started")
    IN_PROGRESS = "in-progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")


class RoundAgency(models.Model):
    """One agency's part in a round: asked, working on it, submitted (maybe late)."""

    round = models.ForeignKey(
        UpdateRound, on_delete=models.CASCADE, related_name="parts", verbose_name=_("round")
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.CASCADE,
        related_name="round_parts",
        verbose_name=_("agency"),
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agency asked")
        verbose_name_plural = _("agencies asked")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "agency"],
                name="roundagency_once_per_round",
                violation_error_message=_("This agency is already asked in this round."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.agency}"

    @property
    def status(self) -> str:
        if self.submitted_at:
            return RoundAgencyStatus.SUBMITTED
        if self.last_activity_at:
            return RoundAgencyStatus.IN_PROGRESS
        return RoundAgencyStatus.NOT_STARTED

    @property
    def status_label(self) -> str:
        return str(RoundAgencyStatus(self.status).label)

    @property
    def is_late(self) -> bool:
        """Submitted after the deadline (a late submission is accepted, and marked)."""
        if self.submitted_at is None:
            return False
        # The deadline is a day in the site's time zone: compare local dates.
        return timezone.localtime(self.submitted_at).date() > self.round.deadline


class Outcome(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed as current")
    EDITED = "edited", _("Edited")
    CLOSED = "closed", _("Closed")


class RowConfirmation(models.Model):
    """An agency's answer, in a round, for one of its rows of the matrix."""

    round = models.ForeignKey(
        UpdateRound,
        on_delete=models.CASCADE,
        related_name="confirmations",
        verbose_name=_("round"),
    )
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("agency")
    )
    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.CASCADE,
        related_name="round_confirmations",
        verbose_name=_("activity"),
    )
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("when"), auto_now=True)

    class Meta:
        verbose_name = _("row confirmation")
        verbose_name_plural = _("row confirmations")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "agency", "activity"],
                name="rowconfirmation_once_per_row",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} {self.get_outcome_display()}"
