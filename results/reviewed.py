"""What every reviewed result shares (an activity's value, a country's milestone or coverage
figure): its place in the review, draft -> submitted -> approved or returned with a reason
(results.services moves it), who reviewed it and when, and the version a stale save is refused
by (results.concurrency). Only approved ones are public."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.people import done_by
from results.choices import ReviewStatus


class ReviewedQuerySet(models.QuerySet):
    def public(self) -> "ReviewedQuerySet":
        """What anyone may read: the approved ones."""
        return self.filter(status=ReviewStatus.APPROVED)


class Reviewed(models.Model):
    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT
    )
    return_reason = models.TextField(_("reason for returning"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = done_by(_("reviewed by"))
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        # Every save of an existing row is a new version (results.concurrency).
        if not self._state.adding:
            self.version += 1
        super().save(*args, **kwargs)
