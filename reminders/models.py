"""The reminder engine's record: one row per reminder claimed, then sent (or failed).

The engine sits above the things it reminds about (workplan steps, update-round parts), so
the log's foreign keys point down at both.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from rounds.models import RoundAgency
from workplan.models import Step


class ReminderStatus(models.TextChoices):
    CLAIMED = "claimed", _("waiting to be sent")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    # The worker died while handing it to SMTP: it may or may not have gone out.
    UNCERTAIN = "uncertain", _("uncertain (sending was interrupted)")


class ReminderLog(models.Model):
    """One reminder to one person about one dated step, or about an agency's part in an
    update round: claimed, then sent (or failed).

    The unique constraints are what make a reminder go out at most once: a sweep first
    inserts its claim rows, and a second sweep running at the same time cannot insert the
    same (recipient, step or round part, kind, due date). Moving the due date makes a new
    key: re-armed.
    """

    recipient = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=8, default="en")
    digest = models.BooleanField(_("in a digest"), default=True)
    copy = models.BooleanField(
        _("copy"), default=False, help_text=_("Sent to the secretariat as a copy.")
    )
    step = models.ForeignKey(
        Step,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("step"),
    )
    # A round part's reminders go with it: a part is only deleted with its round or agency.
    round_part = models.ForeignKey(
        RoundAgency,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("update round part"),
    )
    kind = models.CharField(_("kind"), max_length=20, help_text=_("before-14, due, overdue-2..."))
    due_date = models.DateField(_("due date"))
    # What the reminder was about, kept as written then (the step may change or go).
    what = models.CharField(_("what"), max_length=300)
    part_of = models.CharField(_("part of"), max_length=300, blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)

    status = models.CharField(
        _("status"), max_length=10, choices=ReminderStatus.choices, default=ReminderStatus.CLAIMED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    claim = models.UUIDField(_("claim"), default=uuid.uuid4, db_index=True, editable=False)
    claimed_at = models.DateTimeField(_("claimed at"))
    # The day the sweep was run as of (`send_reminders --date`): the email is worded by it.
    as_of = models.DateField(_("as of"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        # The table the workplan app created (migration reminders 0001 took it over as is).
        db_table = "workplan_reminderlog"
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        ordering = ["-claimed_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "step", "kind", "due_date"],
                name="reminder_once_per_recipient_step_kind_date",
            ),
            models.UniqueConstraint(
                fields=["recipient", "round_part", "kind", "due_date"],
                condition=models.Q(round_part__isnull=False),
                name="reminder_once_per_recipient_part_kind_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "claimed_at"], name="reminder_status_idx")]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.what} ({self.kind})"

    @property
    def is_overdue(self) -> bool:
        return self.kind.startswith("overdue-")

    @property
    def is_round(self) -> bool:
        """About an update round (the emails word it as such) rather than a workplan step."""
        return self.round_part_id is not None

    @property
    def days_before(self) -> int | None:
        """14 for a "before-14" reminder; None for the others."""
        prefix, _sep, days = self.kind.partition("-")
        return int(days) if prefix == "before" and days.isdigit() else None


def trouble_counts() -> dict[str, int]:
    """Reminders that may not have arrived: failed (the sweeps retry them for
    SPF_REMINDER_RETRY_HOURS) and uncertain (waiting for a person), for the admin's banner
    and /healthz; one query."""
    counts = dict(
        ReminderLog.objects.filter(status__in=[ReminderStatus.FAILED, ReminderStatus.UNCERTAIN])
        .values_list("status")
        .annotate(n=models.Count("pk"))
        .order_by()
    )
    return {status: counts.get(status, 0) for status in ("failed", "uncertain")}


class MailOutage(models.Model):
    """A stretch of time when the mail server refused reminders: opened by the first refusal,
    closed by the next email that goes out, whose sender tells the secretariat once
    (reminders.outages). One open at a time, whatever the number of workers."""

    started_at = models.DateTimeField(_("started at"))
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    is_open = models.BooleanField(_("open"), default=True)

    class Meta:
        verbose_name = _("mail outage")
        verbose_name_plural = _("mail outages")
        constraints = [
            models.UniqueConstraint(
                fields=["is_open"],
                condition=models.Q(is_open=True),
                name="reminders_one_open_mail_outage",
            )
        ]

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} to {self.ended_at or 'now'}"
