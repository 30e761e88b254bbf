"""A lead agency's update of its country deliverable: progress, and the steps done."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from decisions.forms import ProgressForm, progress_state
from workplan.models import Deliverable


def deliverable_or_404(request: HttpRequest, pk: int) -> tuple[Deliverable, bool]:
    """A country deliverable (a 404 outside the coalition) and whether the person updates it."""
    if not rules.has_perm("decisions.see_members_only", request.user):
        raise Http404
    deliverable = (
        Deliverable.objects.filter(pk=pk, country_plan__isnull=False)
        .select_related("country_plan__country")
        .first()
    )
    if deliverable is None:
        raise Http404
    return deliverable, rules.has_perm(
        "decisions.update_country_deliverable", request.user, deliverable
    )


@login_required
def progress_update(request: HttpRequest, pk: int) -> HttpResponse:
    deliverable, may_update = deliverable_or_404(request, pk)
    if not may_update:
        raise PermissionDenied(_("Only the lead agencies' members update this deliverable."))
    form = ProgressForm(request.POST or None, deliverable=deliverable)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            current = Deliverable.objects.select_for_update().get(pk=pk)
            now = progress_state(current, current.steps.all())
            if now != form.cleaned_data["shown"]:
                return refused_as_stale(request, form, deliverable, now)
            deliverable.progress = form.cleaned_data["progress"]
            deliverable.save(update_fields=["progress"])
            today = timezone.localdate()
            for step in form.steps:
                done = form.cleaned_data[f"step_{step.pk}"]
                if done != (step.completed_on is not None):
                    step.completed_on = today if done else None
                    step.save(update_fields=["completed_on"])
        messages.success(request, _("The progress is saved."))
        country = deliverable.country_plan.country
        return redirect(reverse("countries:detail", args=[country.code]) + f"#d{pk}")
    return render(
        request, "decisions/progress_form.html", {"form": form, "deliverable": deliverable}
    )


def refused_as_stale(
    request: HttpRequest, form: ProgressForm, deliverable: Deliverable, now: str
) -> HttpResponse:
    """409: someone saved this deliverable after the person opened the page. Their entries
    stay in the form, which now carries what is saved, so that saving again overrides it."""
    form.data = form.data.copy()
    form.data["shown"] = now
    form.add_error(
        None,
        _(
            "Someone saved this deliverable's progress after you opened the page. Check the "
            "country page for what it says now; save again to keep your entries."
        ),
    )
    return render(
        request,
        "decisions/progress_form.html",
        {"form": form, "deliverable": deliverable},
        status=409,
    )
