"""Answering a proposal that one's agency take a role in a row: accept or decline."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from activities import proposals
from activities.concurrency import EditConflict
from activities.models import RoleProposal


def _proposal(request: HttpRequest, pk: int) -> RoleProposal:
    """The proposal, if the user answers for its agency: 404 otherwise (not theirs to know)."""
    proposal = get_object_or_404(RoleProposal.objects.select_related("agency", "activity"), pk=pk)
    if not proposals.may_answer(request.user, proposal):
        raise Http404("No such proposal")
    return proposal


def _back(request: HttpRequest, proposal: RoleProposal) -> HttpResponse:
    """Back where the answer was given (the row's page or the agency's checklist)."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = reverse("activities:history", kwargs={"reference": proposal.activity.reference})
    return redirect(target)


@login_required
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, _("The form has no valid “version” field: reload the page."))
        return _back(request, proposal)
    try:
        proposals.accept(request.user, proposal, version)
    except EditConflict as conflict:
        messages.error(request, conflict.message())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(agency)s is now %(role)s of “%(title)s”.")
            % {
                "agency": proposal.agency.acronym,
                "role": proposal.get_role_display().lower(),
                "title": proposal.activity.title,
            },
        )
    return _back(request, proposal)


@login_required
@require_POST
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = _proposal(request, pk)
    try:
        proposals.decline(request.user, proposal)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The proposal is declined: the row stays as it is."))
    return _back(request, proposal)
