from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Workplan(models.Model):
    """The coalition's plan for one year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200)

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
