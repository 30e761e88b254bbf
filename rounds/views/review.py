"""The secretariat reviews submissions: accept, return with a reason; unlock a closed part."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rounds.models import RoundAgency
from rounds.review import accept_part, lock_part, return_part, unlock_part
from rounds.views.dashboard import secretariat_only


def _part(part_id: int) -> RoundAgency:
    return get_object_or_404(RoundAgency.objects.select_related("round", "agency"), pk=part_id)


def _done(request: HttpRequest, part: RoundAgency, action, *args, success: str) -> HttpResponse:
    """Run the review action; say what happened, or why nothing did, on the dashboard."""
    try:
        action(request.user, part, *args)
    except ValidationError as error:
        messages.error(request, f"{part.agency.acronym}: {' '.join(error.messages)}")
    else:
        messages.success(request, success % {"agency": part.agency.acronym})
    return redirect("rounds:dashboard", round_id=part.round_id)


@secretariat_only
@require_POST
def accept(request: HttpRequest, part_id: int) -> HttpResponse:
    part = _part(part_id)
    return _done(request, part, accept_part, success=_("%(agency)s's submission is accepted."))


@secretariat_only
@require_POST
def return_view(request: HttpRequest, part_id: int) -> HttpResponse:
    part = _part(part_id)
    success = _(
        "%(agency)s's submission is returned for revision: its checklist is open again and "
        "its members are emailed the reason."
    )
    return _done(request, part, return_part, request.POST.get("reason", ""), success=success)


@secretariat_only
@require_POST
def unlock(request: HttpRequest, part_id: int) -> HttpResponse:
    part = _part(part_id)
    success = _("%(agency)s's part is unlocked: its members can answer again.")
    return _done(request, part, unlock_part, request.POST.get("reason", ""), success=success)


@secretariat_only
@require_POST
def lock(request: HttpRequest, part_id: int) -> HttpResponse:
    part = _part(part_id)
    return _done(request, part, lock_part, success=_("%(agency)s's part is locked again."))
