"""Action points: the members' list (theirs first: "mine" filters on their agencies) with
its download, and the owner agency's update of one (status and note)."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import agency_ids, rule_required
from decisions.downloads import download_or_none
from decisions.forms import ActionUpdateForm
from decisions.models import ActionPoint, ActionStatus
from decisions.tables import ActionPointTable


@rule_required(
    "decisions.see_members_only", gettext_lazy("Action points are for the coalition's members.")
)
def action_list(request: HttpRequest) -> HttpResponse:
    actions = ActionPoint.objects.select_related(
        "owner_agency", "owner_person", "meeting"
    ).order_by("due_date", "pk")
    mine = request.GET.get("mine") == "1"
    if mine:
        actions = actions.filter(owner_agency_id__in=agency_ids(request.user))
    status = request.GET.get("status")
    if status in ActionStatus.values:
        actions = actions.filter(status=status)
    download = download_or_none(request, ActionPointTable(actions), "action-points")
    if download is not None:
        return download
    ctx = {"actions": actions, "mine": mine, "status": status, "statuses": ActionStatus.choices}
    return render(request, "decisions/actions.html", ctx)


def action_or_404(request: HttpRequest, pk: int) -> tuple[ActionPoint, bool]:
    """The action point (a 404 for anyone outside the coalition) and whether the person may
    update it."""
    if not rules.has_perm("decisions.see_members_only", request.user):
        raise Http404
    action = (
        ActionPoint.objects.select_related("meeting", "owner_agency", "owner_person")
        .filter(pk=pk)
        .first()
    )
    if action is None:
        raise Http404
    return action, rules.has_perm("decisions.update_action", request.user, action)


@login_required
def action_update(request: HttpRequest, pk: int) -> HttpResponse:
    action, may_update = action_or_404(request, pk)
    if not may_update:
        raise PermissionDenied(
            _("Only %(agency)s's members and the secretariat update this action point.")
            % {"agency": action.owner_agency.acronym},
        )
    form = ActionUpdateForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The action point is saved."))
        return redirect(reverse("decisions:meeting", args=[action.meeting_id]) + f"#action-{pk}")
    return render(request, "decisions/action_form.html", {"form": form, "action": action})
