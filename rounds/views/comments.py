"""Comment threads: on a row of the matrix (shown on its page) and on an agency's submission
(shown on its checklist). Rules and writing: rounds.comments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import is_secretariat
from activities.models import Activity
from rounds.comments import (
    edit_comment,
    hide_comment,
    may_discuss_part,
    may_discuss_row,
    may_edit,
    post_comment,
    thread,
)
from rounds.models import Comment, RoundAgency


def _thread_url(comment: Comment) -> str:
    if comment.activity_id:
        url = reverse("activities:history", kwargs={"reference": comment.activity.reference})
    else:
        url = reverse("rounds:checklist", kwargs={"part_id": comment.part_id})
    return f"{url}#comment-{comment.pk}"


def _post(request: HttpRequest, back: str, **where) -> HttpResponse:
    try:
        comment = post_comment(request.user, request.POST.get("body", ""), **where)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{back}#comments")
    messages.success(request, _("Your comment is posted."))
    return redirect(_thread_url(comment))


@login_required
@require_POST
def comment_row(request: HttpRequest, pk: int) -> HttpResponse:
    """Comment on a row: 404 for anyone not in its thread (the thread is not theirs to know)."""
    activity = get_object_or_404(Activity, pk=pk)
    if not may_discuss_row(request.user, activity):
        raise Http404("No such thread")
    back = reverse("activities:history", kwargs={"reference": activity.reference})
    return _post(request, back, activity=activity)


@login_required
@require_POST
def comment_part(request: HttpRequest, part_id: int) -> HttpResponse:
    part = get_object_or_404(RoundAgency.objects.select_related("round", "agency"), pk=part_id)
    if not may_discuss_part(request.user, part):
        raise Http404("No such thread")
    return _post(request, reverse("rounds:checklist", kwargs={"part_id": part.pk}), part=part)


def _comment_in_reach(request: HttpRequest, comment_id: int) -> Comment:
    comment = get_object_or_404(
        Comment.objects.select_related("activity", "part__round", "part__agency"), pk=comment_id
    )
    seen = (
        may_discuss_row(request.user, comment.activity)
        if comment.activity_id
        else may_discuss_part(request.user, comment.part)
    )
    if not seen:
        raise Http404("No such comment")
    return comment


@login_required
@require_POST
def edit(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = _comment_in_reach(request, comment_id)
    try:
        edit_comment(request.user, comment, request.POST.get("body", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your comment is corrected."))
    return redirect(_thread_url(comment))


@login_required
@require_POST
def hide(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = _comment_in_reach(request, comment_id)
    if not is_secretariat(request.user):
        raise PermissionDenied(_("Only the secretariat hides comments."))
    try:
        hide_comment(request.user, comment, request.POST.get("reason", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The comment is hidden; the reason shows in its place."))
    return redirect(_thread_url(comment))


def thread_context(request: HttpRequest, comments, post_url: str) -> dict:
    comments = list(comments)
    for comment in comments:
        comment.editable = may_edit(request.user, comment)
    return {
        "comments": comments,
        "post_url": post_url,
        "can_hide": is_secretariat(request.user),
    }


def row_panel(request: HttpRequest, activity: Activity) -> str:
    """The row's thread on its page (activities.signals.register_activity_panel)."""
    if not may_discuss_row(request.user, activity):
        return ""
    post_url = reverse("rounds:comment_row", kwargs={"pk": activity.pk})
    ctx = {"thread": thread_context(request, thread(activity=activity), post_url)}
    return render_to_string("rounds/_comments.html", ctx, request)
