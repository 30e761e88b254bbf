"""The front-end forms: a member's update of an action point, a document, a country
deliverable's progress."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from accounts.roles import agency_ids, is_secretariat
from agencies.models import Agency
from core.forms import DateInput, VersionedModelForm
from decisions.models import ActionPoint, Document, Visibility
from decisions.sniffing import ACCEPTED_LABELS, Kind, sniff
from workplan.models import Deliverable


class ActionUpdateForm(VersionedModelForm):
    """What the owner agency changes: status and a note. Owner and date are the meeting's."""

    class Meta:
        model = ActionPoint
        fields = ["status", "note"]

    def conflict_message(self, current: ActionPoint, based_on: int) -> str:
        return _(
            "Someone saved this action point after you opened it: it is now “%(status)s”, "
            "note: “%(note)s”. Your change was not saved; reload the page and make it again."
        ) % {"status": current.get_status_display(), "note": current.note or "—"}


class DocumentForm(forms.ModelForm):
    """A file and what it is. The file is refused, naming it and the reason, when it is too
    big or its content is not one of the accepted kinds (whatever its name says)."""

    closes = forms.BooleanField(
        label=_("This is the finished output: it completes the step"), required=False
    )

    class Meta:
        model = Document
        fields = ["title", "language", "date", "visibility", "agency", "file"]
        widgets = {"date": DateInput()}

    def __init__(self, *args: Any, user, step=None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.step = step
        self.kind = None
        self.by_secretariat = is_secretariat(user)
        agencies = Agency.objects.order_by("acronym")
        if not is_secretariat(user):
            agencies = agencies.filter(pk__in=agency_ids(user))
        self.fields["agency"].queryset = agencies
        self.fields["agency"].required = False
        self.fields["agency"].help_text = _("The agency you add it for.")
        # A member of one agency adds for it without saying so.
        self.only_agency = None
        if not is_secretariat(user) and len(agency_ids(user)) == 1:
            self.only_agency = agencies.first()
            self.fields["agency"].initial = self.only_agency.pk
        self.fields["file"].help_text = _(
            "%(kinds)s; at most %(size)s. The content is checked, not the name."
        ) % {"kinds": ACCEPTED_LABELS, "size": filesizeformat(settings.SPF_DOCUMENT_MAX_BYTES)}
        if step is None:
            del self.fields["closes"]
        else:
            self.fields["closes"].help_text = _("Step: %(step)s") % {"step": step}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.kind = checked_upload(upload)
        return upload

    def clean_agency(self):
        agency = self.cleaned_data.get("agency") or self.only_agency
        if agency is None and not self.by_secretariat:
            raise forms.ValidationError(_("Say which of your agencies you add it for."))
        return agency

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("visibility") == Visibility.AGENCY and not cleaned.get("agency"):
            self.add_error(
                "agency", _("Name the agency: only its members and the secretariat will read it.")
            )
        return cleaned


def checked_upload(upload) -> Kind:
    """What the uploaded file is; a ValidationError naming it when it is too big or of a
    kind the hub does not accept (the content decides, not the name). Written once for the
    front-end form and the admin."""
    limit = settings.SPF_DOCUMENT_MAX_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            _("“%(name)s” is %(size)s: the largest file accepted is %(limit)s."),
            code="too_big",
            params={
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
        )
    kind = sniff(upload)
    if kind is None:
        raise forms.ValidationError(
            _(
                "“%(name)s” was refused: its content is not one of the accepted kinds "
                "(%(kinds)s), whatever its name says."
            ),
            code="refused_type",
            params={"name": upload.name, "kinds": ACCEPTED_LABELS},
        )
    return kind


def progress_state(deliverable: Deliverable, steps) -> str:
    """A country deliverable's progress and steps done, as one comparable text."""
    done = sorted(step.pk for step in steps if step.completed_on is not None)
    return f"{deliverable.progress}|{','.join(map(str, done))}"


class ProgressForm(forms.Form):
    """A lead agency's update of a country deliverable: how far it is, and steps done."""

    progress = forms.IntegerField(
        label=_("Progress (%)"), min_value=0, max_value=100, required=False
    )

    # What the page showed, sent back with it: a save made on a page that someone saved since
    # is refused (a deliverable has no version number; this is its state as read).
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, deliverable: Deliverable, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deliverable = deliverable
        self.fields["progress"].initial = deliverable.progress
        self.steps = list(deliverable.steps.all())
        self.fields["shown"].initial = progress_state(deliverable, self.steps)
        for step in self.steps:
            self.fields[f"step_{step.pk}"] = forms.BooleanField(
                label=str(step), required=False, initial=step.completed_on is not None
            )
