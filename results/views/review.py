"""The secretariat's review: the queue of submitted values, milestones and figures;
approving, returning with a reason (its author is emailed), unlocking a locked value."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.roles import rule_required
from results import services
from results.concurrency import StaleEdit
from results.models import CountryMilestone, CoverageFigure, ReviewStatus
from results.queries import review_queue
from results.views.values import refused, value_or_404, version_of

SECRETARIAT_ONLY = gettext_lazy("Only the secretariat reviews results.")


@rule_required("results.review", SECRETARIAT_ONLY)
def queue(request: HttpRequest) -> HttpResponse:
    waiting = {"status": ReviewStatus.SUBMITTED}
    context = {
        "values": list(review_queue()),
        "milestones": list(
            CountryMilestone.objects.filter(**waiting).select_related("country", "created_by")
        ),
        "figures": list(
            CoverageFigure.objects.filter(**waiting).select_related(
                "country", "indicator", "created_by"
            )
        ),
    }
    return render(request, "results/review.html", context)


@require_POST
@rule_required("results.review", SECRETARIAT_ONLY)
def value_approve(request: HttpRequest, pk: int) -> HttpResponse:
    result = value_or_404(request, pk)
    return reviewed(
        request,
        lambda: services.approve(request.user, result, version_of(request)),
        _("The value is approved: it is public now."),
    )


@require_POST
@rule_required("results.review", SECRETARIAT_ONLY)
def value_return(request: HttpRequest, pk: int) -> HttpResponse:
    result = value_or_404(request, pk)
    reason = request.POST.get("reason", "")
    return reviewed(
        request,
        lambda: services.return_for_revision(request.user, result, reason, version_of(request)),
        _("The value is returned; its author is told why by email."),
    )


@require_POST
@rule_required("results.unlock", gettext_lazy("Only the secretariat unlocks values."))
def value_unlock(request: HttpRequest, pk: int) -> HttpResponse:
    result = value_or_404(request, pk)
    reason = request.POST.get("reason", "")
    return reviewed(
        request,
        lambda: services.unlock_value(request.user, result, reason),
        _("The value is unlocked: it can be changed until its period locks again."),
        to=("results:value_edit", result.pk),
    )


def reviewed(request: HttpRequest, act, done: str, to=("results:review",)) -> HttpResponse:
    """Do the review action; a refusal (no reason, wrong state) is shown on the queue, a
    stale page is a 409."""
    try:
        act()
    except StaleEdit as stale:
        return refused(request, stale.message())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(*to)
    messages.success(request, done)
    return redirect(*to)
