"""Documents: adding one to a meeting, an action point, a country deliverable, a country or
an activity; reading one (only through here, after the right is checked: a 404 for anyone
who may not read it, so a guessed address tells nothing); removing one."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from decisions.documents import store_document, target_of
from decisions.forms import DocumentForm
from decisions.models import Document


@login_required
def document_add(request: HttpRequest) -> HttpResponse:
    target = target_of(request)
    if not target.allowed:
        raise PermissionDenied(_("You may not add documents here."))
    form = DocumentForm(
        request.POST or None, request.FILES or None, user=request.user, step=target.step
    )
    if request.method == "POST" and form.is_valid():
        document = store_document(form, request.user, target)
        if document.closes_step_id:
            messages.success(request, _("The document is saved, and the step is completed."))
        else:
            messages.success(request, _("The document is saved."))
        return redirect(target.back_url)
    return render(request, "decisions/document_form.html", {"form": form, "target": target})


def document_or_404(request: HttpRequest, pk: int) -> Document:
    document = Document.objects.visible_to(request.user).filter(pk=pk).first()
    if document is None:
        raise Http404
    return document


def document_download(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_or_404(request, pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, as_attachment=True, filename=document.download_name)
    response["Content-Type"] = document.content_type
    # Never kept by a shared cache, whoever may read it.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def document_remove(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_or_404(request, pk)
    if not rules.has_perm("decisions.remove_document", request.user, document):
        raise PermissionDenied(_("Only its agency's members and the secretariat remove it."))
    document.delete()  # its file goes too (decisions.signals.document_deleted)
    messages.success(request, _("The document “%(title)s” is removed.") % {"title": document})
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = "decisions:log"
    return redirect(back or "decisions:log")
