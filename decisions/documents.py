"""Adding a document: what it is attached to and whether the person may attach to it
(`target_of`), and storing it (`store_document`): the file in the documents storage, the
row in the database, and the step it is the finished output of completed, all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

import rules
from django.db import transaction
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import AnyUser
from activities.models import Activity
from countries.views import country_or_404
from decisions.actions import step_completed
from decisions.forms import DocumentForm
from decisions.models import ActionPoint, Document, Meeting
from workplan.models import Deliverable, Step

TARGETS = ("meeting", "action", "deliverable", "country", "activity")


@dataclass
class Target:
    label: str
    back_url: str
    allowed: bool
    attach: dict[str, object] = field(default_factory=dict)
    step: Step | None = None  # the step a finished output completes
    query: str = ""  # the form's own address keeps it


def _one(queryset, **lookup):
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404
    return found


def target_of(request: HttpRequest) -> Target:
    """What the document is added to, from the query (?meeting=, ?action=, ...). A 404 for
    something that does not exist or that the person may not see."""
    user = request.user
    name = next((name for name in TARGETS if request.GET.get(name)), None)
    value = request.GET.get(name, "") if name else ""
    query = f"?{name}={value}"
    members_only = rules.has_perm("decisions.see_members_only", user)
    if name == "meeting" and value.isdigit():
        meeting = _one(Meeting.objects.visible_to(user), pk=value)
        url = reverse("decisions:meeting", args=[meeting.pk])
        allowed = rules.has_perm("decisions.add_document", user)
        return Target(str(meeting), url, allowed, {"meeting": meeting}, query=query)
    if name == "action" and value.isdigit() and members_only:
        actions = ActionPoint.objects.select_related("step__deliverable", "meeting")
        action = _one(actions, pk=value)
        url = reverse("decisions:meeting", args=[action.meeting_id]) + f"#action-{action.pk}"
        allowed = rules.has_perm("decisions.update_action", user, action)
        step = action.step
        attach = {"meeting": action.meeting, "deliverable": step.deliverable if step else None}
        return Target(action.text, url, allowed, attach, step=_open(step), query=query)
    if name == "deliverable" and value.isdigit() and members_only:
        deliverable = _one(Deliverable.objects, pk=value, country_plan__isnull=False)
        plan = deliverable.country_plan
        url = reverse("countries:detail", args=[plan.country.code]) + f"#d{deliverable.pk}"
        allowed = rules.has_perm("decisions.update_country_deliverable", user, deliverable)
        step = deliverable.steps.filter(completed_on__isnull=True).order_by("due_date").first()
        attach = {"deliverable": deliverable, "country": plan.country}
        return Target(str(deliverable), url, allowed, attach, step=step, query=query)
    if name == "country":
        country = country_or_404(value)
        url = reverse("countries:detail", args=[country.code])
        allowed = rules.has_perm("decisions.add_document", user)
        return Target(country.code.name, url, allowed, {"country": country}, query=query)
    if name == "activity":
        activity = _one(Activity.objects, reference=value)
        url = reverse("activities:history", kwargs={"reference": activity.reference})
        allowed = rules.has_perm("activities.change_activity", user, activity)
        return Target(str(activity), url, allowed, {"activity": activity}, query=query)
    raise Http404


def _open(step: Step | None) -> Step | None:
    return step if step is not None and step.completed_on is None else None


def store_document(form: DocumentForm, user: AnyUser, target: Target) -> Document:
    """Save the file and its row; complete the step if it is the finished output. If the row
    cannot be saved, the file written for it is removed: nothing is left half-stored."""
    document = form.save(commit=False)
    kind = form.kind
    upload = form.cleaned_data["file"]
    document.original_name = upload.name[:255]
    document.content_type, document.extension, document.size = (
        kind.content_type,
        kind.extension,
        upload.size,
    )
    document.uploaded_by = user
    for name, value in target.attach.items():
        setattr(document, name, value)
    closes = target.step if form.cleaned_data.get("closes") else None
    try:
        with transaction.atomic():
            document.closes_step = closes
            document.save()
            if closes is not None:
                complete_step(closes, document.date)
    except Exception:
        if document.file.name:
            document.file.storage.delete(document.file.name)
        raise
    return document


def complete_step(step: Step, day=None) -> None:
    """The step is done (its finished output is in): no more reminders; an action point it
    mirrors is done too."""
    if step.completed_on is None:
        step.completed_on = min(day or timezone.localdate(), timezone.localdate())
        step.save(update_fields=["completed_on"])
    step_completed(step)
