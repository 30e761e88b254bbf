"""An import job: one uploaded spreadsheet, its preview, and what applying it changed.

The file's bytes are kept in the database, not under MEDIA_ROOT: a Celery worker on
another machine reads the job from the same database, without a shared volume.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.people import done_by


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    PREVIEWING = "previewing", _("Checking the file")
    MAPPING = "mapping", _("Columns to match")
    PREVIEWED = "previewed", _("Checked")
    APPLYING = "applying", _("Applying")
    APPLIED = "applied", _("Applied")
    FAILED = "failed", _("Failed")


class MappingSource(models.TextChoices):
    """Where a job's column mapping came from (the preview says it)."""

    RECOGNISED = "recognised", _("as the hub's own")
    SAVED = "saved", _("as you matched them for an earlier file like this one")
    CHOSEN = "chosen", _("as you matched them")


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
    # A file imported twice is recognised (and changes nothing the second time).
    file_sha256 = models.CharField(_("file fingerprint"), max_length=64, blank=True, db_index=True)
    # The file's columns as the mapping step shows them: header, hashtag, sample values,
    # the guessed field and whether it was recognised without doubt (imports.columns).
    columns = models.JSONField(_("columns"), default=list, blank=True)
    # The hub field each column holds ("" ignored), once known: recognised, saved from an
    # earlier file, or chosen by the person in the mapping step.
    mapping = models.JSONField(_("column mapping"), default=list, blank=True)
    mapping_source = models.CharField(
        _("mapping from"), max_length=16, choices=MappingSource.choices, blank=True
    )
    # The person's choices on the preview, by row number: "new" to create a row the
    # import took for an existing activity, "file" to take the file's side of a conflict.
    decisions = models.JSONField(_("decisions"), default=dict, blank=True)
    # The person's choices on the preview about reading the file: the workbook's sheet,
    # the shifted rows to realign (imports.checking.FileChoices).
    choices = models.JSONField(_("reading choices"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    rows_total = models.PositiveIntegerField(_("rows in the file"), default=0)
    rows_done = models.PositiveIntegerField(_("rows checked"), default=0)
    # Compact: errors, new and changed rows in full (changed fields only); unchanged rows
    # as [row number, reference] pairs. See imports.preview.
    preview = models.JSONField(_("preview"), default=dict, blank=True)
    # The rows as checked by the preview (matched values, not cells; imports.checking's
    # pack_rows): the apply reads them instead of parsing the file again. Empty when the
    # preview found nothing to apply, or something to settle first.
    checked_rows = models.BinaryField(_("checked rows"), default=b"", blank=True, editable=False)
    new_count = models.PositiveIntegerField(_("new rows"), default=0)
    changed_count = models.PositiveIntegerField(_("changed rows"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged rows"), default=0)
    error_count = models.PositiveIntegerField(_("rows with errors"), default=0)
    # Stale rows (an older version than the hub's) with cells changed on both sides.
    conflict_count = models.PositiveIntegerField(_("rows with conflicts"), default=0)
    # Rows without a reference that maybe are an activity of the hub (a reworded title).
    unsure_count = models.PositiveIntegerField(_("rows to confirm"), default=0)
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
        unsettled = self.error_count or self.conflict_count or self.unsure_count
        return self.status == ImportStatus.PREVIEWED and not unsettled and has_work

    @property
    def state(self) -> str:
        """Where the job stands, in words that match what its page offers."""
        if self.status != ImportStatus.PREVIEWED:
            return str(self.get_status_display())
        if self.error_count:
            return ngettext(
                "%(count)s row needs fixing before anything can be imported",
                "%(count)s rows need fixing before anything can be imported",
                self.error_count,
            ) % {"count": self.error_count}
        if self.conflict_count:
            return ngettext(
                "%(count)s row was changed both in the hub and in the file: choose which side "
                "to keep before anything can be imported",
                "%(count)s rows were changed both in the hub and in the file: choose which side "
                "to keep before anything can be imported",
                self.conflict_count,
            ) % {"count": self.conflict_count}
        if self.unsure_count:
            return ngettext(
                "%(count)s row may be an activity the hub has: say whether it is before "
                "anything can be imported",
                "%(count)s rows may be activities the hub has: say whether they are before "
                "anything can be imported",
                self.unsure_count,
            ) % {"count": self.unsure_count}
        if not (self.new_count or self.changed_count):
            return gettext("Nothing to import: the file matches the hub")
        return gettext("Ready to apply")


class ImportMapping(models.Model):
    """The columns of a kind of file as a person mapped them, offered again for the next
    file with the same headers, to them or to anyone of their agency."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agency"),
    )
    # sha1 of the file's headers and hashtags, as name keys.
    signature = models.CharField(_("headers"), max_length=40, db_index=True)
    headers = models.JSONField(_("column headers"), default=list)
    fields = models.JSONField(_("fields"), default=list)
    updated_at = models.DateTimeField(_("last used"), auto_now=True)

    class Meta:
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "signature"], name="importmapping_one_per_person_and_headers"
            )
        ]

    def __str__(self) -> str:
        return ", ".join(self.headers)[:100]


class ValueKind(models.TextChoices):
    """What an imported value names (a column's kind of value)."""

    AGENCY = "agency", _("agency")
    COUNTRY = "country", _("country")
    TOOL = "tool", _("SPF tool")
    TYPE = "type", _("type of work")
    STATUS = "status", _("status")
    GUARANTEE = "guarantee", _("guarantee")


class ValueMappingQuerySet(models.QuerySet["ValueMapping"]):
    def for_reader(self, user: Any, agencies: Iterable[int]) -> "ValueMappingQuerySet":
        """The mappings an import by `user` reads: theirs, their agencies', and those the
        secretariat accepted for everyone (proposals of a new record are not mappings)."""
        mine = models.Q(for_everyone=True) | models.Q(agency_id__in=list(agencies))
        if user is not None and user.pk is not None:
            mine |= models.Q(created_by=user)
        return self.filter(mine).exclude(target="")


class ValueMapping(models.Model):
    """A value a partner's file writes as the hub does not, and what it means: mapped in the
    import's preview by a person, remembered for their and their agency's next files, and
    offered to the secretariat, who accepts it as a spelling for everyone. With an empty
    target, a member's proposal of a new agency or tool, for the secretariat to add.

    Audited: who mapped what and when (created_by/at here, every change in its history)."""

    kind = models.CharField(_("kind"), max_length=12, choices=ValueKind.choices)
    written = models.CharField(_("as written"), max_length=200)
    # core.names.name_key(written): the same spelling however it is capitalised or accented.
    key = models.CharField(_("spelling key"), max_length=200, db_index=True)
    # The id (agency, country, tool) or code (type, status, guarantee field) it names; ""
    # for a proposal of a new agency or tool.
    target = models.CharField(_("means"), max_length=40, blank=True)
    target_label = models.CharField(_("means (as shown)"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("mapped by"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("for the agency"),
    )
    for_everyone = models.BooleanField(_("accepted for everyone"), default=False)
    accepted_by = done_by(_("accepted by"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    created_at = models.DateTimeField(_("mapped"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    history = HistoricalRecords()

    objects = ValueMappingQuerySet.as_manager()

    class Meta:
        verbose_name = _("value mapping")
        verbose_name_plural = _("value mappings")
        ordering = ["kind", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "kind", "key"],
                name="valuemapping_one_per_person_and_spelling",
            )
        ]

    def __str__(self) -> str:
        return f"{self.written} → {self.target_label or '?'}"


class FocalPointProposal(models.Model):
    """A focal point a member's file names for another agency's row (their agency takes
    part): the row is imported without it, and the person is proposed to that agency's
    members and the secretariat, who add it (imports admin)."""

    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.CASCADE, related_name="+", verbose_name=_("agency")
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"), blank=True)
    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("activity"),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    accepted_by = done_by(_("accepted by"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        verbose_name = _("focal point proposal")
        verbose_name_plural = _("focal point proposals")
        ordering = ["-proposed_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"
