import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class WorkplanQuerySet(models.QuerySet["Workplan"]):
    def of_year(self, year: int | None) -> tuple["Workplan | None", list[int]]:
        """The plan of `year` (by default this year's, else the latest) and every plan's
        year, latest first: the board's choice, so that the dashboard and the country brief
        count what the board shows. None when no plan is of that year (or none at all)."""
        years = list(self.values_list("year", flat=True).order_by("-year"))
        if year is None:
            this_year = timezone.localdate().year
            year = this_year if this_year in years else (years[0] if years else None)
        plan = self.filter(year=year).first() if year in years else None
        return plan, years


class Workplan(models.Model):
    """The coalition's plan for one year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)

    objects = WorkplanQuerySet.as_manager()

    class Meta:
        verbose_name = _("workplan")
        verbose_name_plural = _("workplans")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title


class Area(models.Model):
    """A numbered area of a workplan (1 Country operations, 2 Response to global requests...)."""

    workplan = models.ForeignKey(
        Workplan, on_delete=models.CASCADE, related_name="areas", verbose_name=_("workplan")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        verbose_name = _("workplan area")
        verbose_name_plural = _("workplan areas")
        ordering = ["workplan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["workplan", "number"],
                name="area_number_unique_in_workplan",
                violation_error_message=_("This workplan already has an area with this number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Deliverable(models.Model):
    """What an area of the workplan delivers, who is responsible, and by when."""

    area = models.ForeignKey(
        Area, on_delete=models.CASCADE, related_name="deliverables", verbose_name=_("area")
    )
    title = models.CharField(_("deliverable"), max_length=300)
    objective = models.TextField(_("objective"), blank=True)
    how = models.TextField(
        _("how it is done"),
        blank=True,
        help_text=_("e.g. ILO sends the matrix to all members, who update and complete it."),
    )
    responsible_agencies = models.ManyToManyField(
        "agencies.Agency",
        blank=True,
        related_name="deliverables",
        verbose_name=_("responsible agencies"),
    )
    contacts = models.ManyToManyField(
        "agencies.FocalPoint",
        blank=True,
        related_name="deliverables",
        verbose_name=_("responsible people"),
    )
    responsible_note = models.CharField(
        _("responsible (as written)"),
        max_length=200,
        blank=True,
        help_text=_('For groups no agency list captures, e.g. "Coalition members".'),
    )
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Optional: how far the work is, 0 to 100. 100 marks it done."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")
        ordering = ["area", "id"]

    def __str__(self) -> str:
        return self.title


class Step(models.Model):
    """A dated step of a deliverable (matrix sent by 29 Feb; completed by all by 31 May)."""

    deliverable = models.ForeignKey(
        Deliverable, on_delete=models.CASCADE, related_name="steps", verbose_name=_("deliverable")
    )
    title = models.CharField(_("step"), max_length=300)
    due_date = models.DateField(_("due date"))
    due_note = models.CharField(
        _("due (as written)"),
        max_length=100,
        blank=True,
        help_text=_('How the plan words the date, e.g. "End 2012 and ongoing".'),
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dated step")
        verbose_name_plural = _("dated steps")
        ordering = ["deliverable", "due_date", "id"]
        indexes = [models.Index(fields=["due_date"], name="step_due_idx")]

    def __str__(self) -> str:
        return f"{self.title} ({self.due_date:%d %b %Y})"


def default_days_before() -> str:
    return "14,3"


class ReminderPolicy(models.Model):
    """When the hub reminds people of their deadlines. One row, edited by the secretariat."""

    days_before = models.CharField(
        _("days before the due date"),
        max_length=50,
        default=default_days_before,
        help_text=_("Comma-separated numbers of days, e.g. 14,3."),
    )
    on_due_day = models.BooleanField(_("remind on the due day"), default=True)
    overdue_every_days = models.PositiveSmallIntegerField(
        _("while overdue, remind every (days)"),
        default=7,
        help_text=_("0: no reminders once a step is overdue."),
    )
    overdue_stop_after_weeks = models.PositiveSmallIntegerField(
        _("stop overdue reminders after (weeks)"),
        default=12,
        help_text=_(
            "Steps overdue for longer are left to the secretariat (an old plan loaded with "
            "open steps would otherwise remind everyone every week). 0: never stop."
        ),
    )
    copy_secretariat_when_overdue = models.BooleanField(
        _("copy the secretariat when overdue"), default=True
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("reminder policy")
        verbose_name_plural = _("reminder policy")

    def __str__(self) -> str:
        return str(_("Reminder policy"))

    def clean(self) -> None:
        try:
            self.day_list()
        except ValueError:
            raise ValidationError(
                {"days_before": _("Write whole numbers of days above 0, separated by commas.")}
            ) from None

    @classmethod
    def current(cls) -> "ReminderPolicy":
        """The policy row the secretariat edits, or the defaults when nobody has saved one."""
        return cls.objects.order_by("pk").first() or cls()

    def day_list(self) -> tuple[int, ...]:
        """The days before a due date to remind on, largest first ("14,3" -> (14, 3))."""
        days = {int(part) for part in self.days_before.replace(" ", "").split(",") if part}
        if any(day <= 0 for day in days):
            raise ValueError(self.days_before)
        return tuple(sorted(days, reverse=True))


# Signs the address in a reminder's "one email per reminder" link (reminders.sending writes
# it, the workplan's digest_off page reads it). Its value is in links already sent: keep it.
DIGEST_OPT_OUT_SALT = "workplan.digest-off"


class DigestOptOut(models.Model):
    """An address without a user account that asked for one email per reminder."""

    email = models.EmailField(_("email"), unique=True)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("digest opt-out")
        verbose_name_plural = _("digest opt-outs")

    def __str__(self) -> str:
        return self.email


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A person's secret calendar address (the token in its URL stands for the login).

    Random and stored, not derived from the user: replacing it stops the old address at once.
    The person replaces it from "My deadlines"; a change of password replaces it too.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed",
        verbose_name=_("user"),
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("since"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
