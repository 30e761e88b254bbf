"""The coalition's meetings: the list (members see all of them, others those whose minutes
are public) and one meeting with its agenda, participants, minutes, decisions, action points
and documents."""

import rules
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from decisions.downloads import download_or_none
from decisions.models import ActionPoint, Decision, Document, Meeting
from decisions.tables import MeetingTable


def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = (
        Meeting.objects.visible_to(request.user)
        .select_related("country")
        .prefetch_related("agencies")
        .annotate(
            n_decisions=Count("decisions", distinct=True),
            n_actions=Count("action_points", distinct=True),
        )
    )
    download = download_or_none(request, MeetingTable(meetings), "meetings")
    if download is not None:
        return download
    return render(request, "decisions/meetings.html", {"meetings": meetings})


def meeting_or_404(request: HttpRequest, pk: int) -> tuple[Meeting, bool]:
    """The meeting if the person may see it, and whether they see the members' part."""
    meeting = (
        Meeting.objects.visible_to(request.user).select_related("country").filter(pk=pk).first()
    )
    if meeting is None:
        raise Http404
    return meeting, rules.has_perm("decisions.see_members_only", request.user)


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting, members = meeting_or_404(request, pk)
    user = request.user
    actions = (
        meeting.action_points.select_related("owner_agency", "owner_person", "step")
        .prefetch_related(
            Prefetch("step__outputs", queryset=Document.objects.visible_to(user).order_by("pk"))
        )
        .order_by("due_date", "pk")
        if members
        else ActionPoint.objects.none()
    )
    actions = list(actions)
    documents = list(Document.objects.visible_to(user).filter(meeting=meeting, closes_step=None))
    for action in actions:
        action.may_update = rules.has_perm("decisions.update_action", user, action)
        action.outputs = list(action.step.outputs.all()) if action.step else []
    for document in [*documents, *(d for action in actions for d in action.outputs)]:
        document.may_remove = rules.has_perm("decisions.remove_document", user, document)
    ctx = {
        "meeting": meeting,
        "members": members,
        "agenda": meeting.agenda.all(),
        "agencies": meeting.agencies.order_by("acronym"),
        "people": (
            meeting.people.select_related("agency").order_by("name")
            if user.is_authenticated
            else None
        ),
        "decisions": Decision.objects.visible_to(user)
        .filter(meeting=meeting)
        .select_related("country"),
        "actions": actions,
        "documents": documents,
        "may_add_document": rules.has_perm("decisions.add_document", user),
    }
    return render(request, "decisions/meeting.html", ctx)
