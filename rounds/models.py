"""Update rounds (data calls): the secretariat asks agencies to update and confirm their rows
of the matrix by a deadline, and sees who has answered."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.people import done_by


class UpdateRound(models.Model):
    title = models.CharField(_("title"), max_length=200)
    message = models.TextField(
        _("message to members"), blank=True, help_text=_("Shown with the round's banner.")
    )
    # The round's words in the coalition's other languages: each member reads the title and
    # message in their own (English, the fields above, when a translation is left empty).
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True, default="")
    title_es = models.CharField(_("title (Spanish)"), max_length=200, blank=True, default="")
    message_fr = models.TextField(_("message (French)"), blank=True, default="")
    message_es = models.TextField(_("message (Spanish)"), blank=True, default="")
    deadline = models.DateField(_("deadline"))
    agencies = models.ManyToManyField(
        "agencies.Agency",
        through="RoundAgency",
        related_name="update_rounds",
        verbose_name=_("agencies asked"),
    )
    # The period whose results the round asks for along with the rows; closing the round
    # locks its values (results.periods).
    period = models.ForeignKey(
        "results.ReportingPeriod",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rounds",
        verbose_name=_("results period"),
        help_text=_("The period whose results members report in this round."),
    )
    opened_by = done_by(_("opened by"))
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

    def title_in(self, language: str | None) -> str:
        """The title in `language` (fr, es), English when it has no translation."""
        code = (language or "")[:2]
        return (getattr(self, f"title_{code}", "") if code in ("fr", "es") else "") or self.title

    def message_in(self, language: str | None) -> str:
        code = (language or "")[:2]
        found = getattr(self, f"message_{code}", "") if code in ("fr", "es") else ""
        return found or self.message

    @property
    def local_title(self) -> str:
        """The title in the active language (a page, or an email rendered in its reader's)."""
        return self.title_in(get_language())

    @property
    def local_message(self) -> str:
        return self.message_in(get_language())

    @property
    def days_left(self) -> int:
        """Days until the deadline (0 on the day itself, negative once it has passed)."""
        return (self.deadline - timezone.localdate()).days


class RoundAgencyStatus(models.TextChoices):
    NOT_STARTED = "not-started", _("Not started")
    IN_PROGRESS = "in-progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for revision")
    ACCEPTED = "accepted", _("Accepted")


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
    submitted_by = done_by(_("submitted by"))
    # Each submission counts: a part returned and submitted again is a resubmission.
    submissions = models.PositiveSmallIntegerField(_("submissions"), default=0)
    # The secretariat's review of the submission: accepted, or returned with a reason (the
    # checklist reopens; the history keeps every return and its reason).
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = done_by(_("accepted by"))
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    returned_by = done_by(_("returned by"))
    return_reason = models.TextField(_("reason for returning"), blank=True)
    # Once the round closes, the part is locked (its answers stand as the round's record);
    # the secretariat can unlock it, with a reason, until it is locked again.
    unlocked_at = models.DateTimeField(_("unlocked"), null=True, blank=True)
    unlock_reason = models.TextField(_("reason for unlocking"), blank=True)

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
        if self.submitted_at and self.accepted_at:
            return RoundAgencyStatus.ACCEPTED
        if self.submitted_at:
            return RoundAgencyStatus.SUBMITTED
        if self.returned_at:
            return RoundAgencyStatus.RETURNED
        if self.last_activity_at:
            return RoundAgencyStatus.IN_PROGRESS
        return RoundAgencyStatus.NOT_STARTED

    @property
    def status_label(self) -> str:
        return str(RoundAgencyStatus(self.status).label)

    @property
    def takes_answers(self) -> bool:
        """Open to answers: the round is open, or the secretariat unlocked this part."""
        return self.round.is_open or self.unlocked_at is not None

    @property
    def is_resubmission(self) -> bool:
        return self.submissions > 1

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
    # The activity's version the answer was given on: the round's record of the row (the
    # matrix as of the round's close reads the rest from the history).
    activity_version = models.PositiveIntegerField(_("version answered"), null=True, blank=True)

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


class Comment(models.Model):
    """A message in the thread of a row of the matrix, or of an agency's part of a round.

    Kept for good: its author may correct it for SPF_COMMENT_EDIT_MINUTES (every edit is in
    its history); the secretariat hides one with a reason, shown in its place.
    """

    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("activity"),
    )
    part = models.ForeignKey(
        RoundAgency,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("submission"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_by = done_by(_("hidden by"))
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    mentioned_agencies = models.ManyToManyField(
        "agencies.Agency", blank=True, related_name="+", verbose_name=_("agencies mentioned")
    )
    mentioned_people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("people mentioned")
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(activity__isnull=False, part__isnull=True)
                | Q(activity__isnull=True, part__isnull=False),
                name="comment_on_a_row_or_a_submission",
                violation_error_message=_("A comment is on a row or on a submission."),
            ),
        ]
        indexes = [models.Index(fields=["activity", "created_at"], name="comment_activity_idx")]

    def __str__(self) -> str:
        return f"{self.author}: {self.body[:40]}"

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None
