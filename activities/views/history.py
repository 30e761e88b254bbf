"""An activity's history (members and the secretariat) and restoring a version (secretariat)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from activities.concurrency import EditConflict
from activities.models import Activity
from activities.proposals import answerable_agencies, pending_proposals
from activities.restore_preview import restore_preview
from activities.signals import activity_panels
from activities.versions import restore_version, versions_of


@login_required
def history(request: HttpRequest, reference: str) -> HttpResponse:
    """Who changed what and when, newest first, agencies and roles included."""
    if not request.user.has_perm("activities.view_history"):
        raise PermissionDenied(_("The history is shown to coalition members and the secretariat."))
    activity = get_object_or_404(Activity.objects.select_related("country"), reference=reference)
    ctx = {
        "activity": activity,
        "versions": versions_of(activity),
        "can_restore": request.user.has_perm("activities.restore_version", activity),
        "proposals": pending_proposals([activity.pk]).get(activity.pk, []),
        "can_answer": answerable_agencies(request.user),
        # Blocks of higher apps (the comment thread): activities.signals.
        "panels": activity_panels(request, activity),
    }
    return render(request, "history/activity.html", ctx)


@login_required
@require_http_methods(["GET", "POST"])
def restore(request: HttpRequest, reference: str) -> HttpResponse:
    """GET: what restoring an earlier version would change, and a button to confirm.
    POST: bring it back (fields, agencies and roles) as a new version."""
    activity = get_object_or_404(Activity, reference=reference)
    if not request.user.has_perm("activities.restore_version", activity):
        raise PermissionDenied(_("Only the secretariat restores earlier versions."))
    if request.method == "GET":
        return restore_confirm(request, activity)
    try:
        history_id = int(request.POST.get("history_id", ""))
        version = int(request.POST.get("version", activity.version))
    except ValueError:
        messages.error(request, _("Pick a version to restore: “history_id” must be a number."))
        return redirect("activities:history", reference=reference)
    try:
        restore_version(activity, history_id, request.user, based_on_version=version)
    except Activity.history.model.DoesNotExist:
        messages.error(request, _("That version does not belong to this activity."))
    except EditConflict as conflict:
        messages.error(request, conflict.message())
    else:
        messages.success(request, _("The earlier version is restored, as a new version."))
    return redirect("activities:history", reference=reference)


def restore_confirm(request: HttpRequest, activity: Activity) -> HttpResponse:
    """The changes a restore would make, from the activity as it is now; the form carries the
    version read here, so a change made meanwhile is refused rather than overwritten."""
    try:
        preview = restore_preview(activity, int(request.GET.get("history_id", "")))
    except (ValueError, Activity.history.model.DoesNotExist):
        raise Http404("No such version of this activity") from None
    ctx = {"activity": activity, "preview": preview}
    return render(request, "history/restore_confirm.html", ctx)
