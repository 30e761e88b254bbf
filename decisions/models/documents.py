"""Files the coalition keeps: agendas, concept notes, reports, a deliverable's output.

Stored through Django's storage API, in the "documents" storage (settings.STORAGES: a
private directory by default, an S3-compatible bucket in production). No document has a
public URL: every download goes through decisions.views.documents.download, which checks
the reader's right first."""

from __future__ import annotations

import uuid

from django.core.files.storage import Storage, storages
from django.db import models
from django.db.models import Q
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from accounts.roles import AnyUser, agency_ids, is_secretariat
from core.people import done_by
from decisions.models.meetings import content_language_field, sees_members_only


@deconstructible(path="decisions.models.documents.DocumentStorage")
class DocumentStorage(Storage):
    """The "documents" storage, looked up on each use (not once at import): tests and
    deployments switch it through settings.STORAGES. Every call goes to it."""

    @property
    def backend(self) -> Storage:
        return storages["documents"]

    def open(self, name, mode="rb"):
        return self.backend.open(name, mode)

    def save(self, name, content, max_length=None):
        return self.backend.save(name, content, max_length=max_length)

    def delete(self, name):
        return self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def size(self, name):
        return self.backend.size(name)

    def url(self, name):
        return self.backend.url(name)

    def path(self, name):
        return self.backend.path(name)

    def generate_filename(self, filename):
        return self.backend.generate_filename(filename)

    def get_available_name(self, name, max_length=None):
        return self.backend.get_available_name(name, max_length=max_length)

    def listdir(self, path):
        return self.backend.listdir(path)


def documents_storage() -> DocumentStorage:
    return DocumentStorage()


def stored_name(instance: Document, filename: str) -> str:
    """A random name: the title and original name stay in the database, and nobody can guess
    a stored file's key from them."""
    return f"documents/{uuid.uuid4().hex}{instance.extension}"


class Visibility(models.TextChoices):
    PUBLIC = "public", _("public")
    MEMBERS = "members", _("coalition members")
    AGENCY = "agency", _("its agency and the secretariat")


class DocumentQuerySet(models.QuerySet):
    def visible_to(self, user: AnyUser) -> DocumentQuerySet:
        """The one rule of who sees a document (the rules and the download use it too)."""
        if is_secretariat(user):
            return self
        shown = Q(visibility=Visibility.PUBLIC)
        if sees_members_only(user):
            shown |= Q(visibility=Visibility.MEMBERS)
            shown |= Q(visibility=Visibility.AGENCY, agency_id__in=agency_ids(user))
        return self.filter(shown)


class Document(models.Model):
    title = models.CharField(_("title"), max_length=300)
    language = content_language_field()
    date = models.DateField(_("date"))
    visibility = models.CharField(
        _("who may read it"), max_length=8, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    file = models.FileField(_("file"), storage=documents_storage, upload_to=stored_name)
    original_name = models.CharField(_("file name"), max_length=255)
    # Sniffed from the content (decisions.sniffing), never taken from the name or browser.
    content_type = models.CharField(_("type"), max_length=100)
    extension = models.CharField(_("extension"), max_length=8)
    size = models.PositiveBigIntegerField(_("size (bytes)"))

    meeting = models.ForeignKey(
        "decisions.Meeting",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("meeting"),
    )
    deliverable = models.ForeignKey(
        "workplan.Deliverable",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("deliverable"),
    )
    # The dated step this document is the finished output of: saving it completes the step.
    closes_step = models.ForeignKey(
        "workplan.Step",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outputs",
        verbose_name=_("finished output of"),
    )
    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("activity"),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("country"),
    )
    # The agency it was added for: with visibility "agency", only its members (and the
    # secretariat) read it; its members may remove it.
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("agency"),
    )
    uploaded_by = done_by(_("added by"))
    uploaded_at = models.DateTimeField(_("added at"), auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(meeting__isnull=False)
                | Q(deliverable__isnull=False)
                | Q(activity__isnull=False)
                | Q(country__isnull=False),
                name="document_attached_to_something",
                violation_error_message=_(
                    "Attach the document to a meeting, a deliverable, an activity or a country."
                ),
            ),
            models.CheckConstraint(
                condition=Q(visibility__in=Visibility.values), name="document_visibility_known"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def download_name(self) -> str:
        """The name the reader's browser saves it under: the original, with the extension of
        what it really is."""
        stem = self.original_name.rsplit(".", 1)[0] or "document"
        return f"{stem}{self.extension}"
