"""An import job: one uploaded spreadsheet, its preview, and what applying it changed.

The file's bytes are kept in the database, not under MEDIA_ROOT: a Celery worker on
another machine reads the job from the same database, without a shared volume.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    PREVIEWING = "previewing", _("Checking the file")
    PREVIEWED = "previewed", _("Ready to apply")
    APPLYING = "applying", _("Applying")
    APPLIED = "applied", _("Applied")
    FAILED = "failed", _("Failed")


# While a job has one of these statuses, its page refreshes itself.
RUNNING = (ImportStatus.PENDING, ImportStatus.PREVIEWING, ImportStatus.APPLYING)


class ImportJob(models.Model):
    """One upload of the activity matrix, from preview to apply."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="import_jobs",
        verbose_name=_("user"),
    )
    file_name = models.CharField(_("file name"), max_length=255)
    file_data = models.BinaryField(_("file"), editable=False)
    file_size = models.PositiveIntegerField(_("file size (bytes)"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    rows_total = models.PositiveIntegerField(_("rows in the file"), default=0)
    rows_done = models.PositiveIntegerField(_("rows checked"), default=0)
    # Compact: errors, new and changed rows in full (changed fields only); unchanged rows
    # as [row number, reference] pairs. See imports.preview.
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    # The rows as checked by the preview (matched values, not cells): the apply reads them
    # instead of parsing the file again. Empty when the preview found errors.
    checked_rows = models.JSONField(_("checked rows"), default=list, blank=True, editable=False)
    new_count = models.PositiveIntegerField(_("new rows"), default=0)
    changed_count = models.PositiveIntegerField(_("changed rows"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged rows"), default=0)
    error_count = models.PositiveIntegerField(_("rows with errors"), default=0)
    created_count = models.PositiveIntegerField(_("activities created"), default=0)
    updated_count = models.PositiveIntegerField(_("activities changed"), default=0)
    # References created and changed by the apply: the result page lists them.
    result = models.JSONField(_("result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_running(self) -> bool:
        return self.status in RUNNING

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))

    @property
    def can_apply(self) -> bool:
        has_work = bool(self.new_count or self.changed_count)
        return self.status == ImportStatus.PREVIEWED and not self.error_count and has_work
