"""The documents of a matrix row, on its page (activities.signals.activity_panels_asked):
those the reader may see, and, for the members of its agencies, a link to attach one."""

from __future__ import annotations

import rules
from django.http import HttpRequest
from django.template.loader import render_to_string

from activities.models import Activity
from decisions.models import Document


def documents_panel(sender: type, *, request: HttpRequest, activity: Activity, **kwargs) -> str:
    """A receiver of activities.signals.activity_panels_asked (DecisionsConfig.ready)."""
    user = request.user
    documents = list(
        Document.objects.visible_to(user).filter(activity=activity).order_by("-date", "pk")
    )
    for document in documents:
        document.may_remove = rules.has_perm("decisions.remove_document", user, document)
    may_attach = rules.has_perm("activities.change_activity", user, activity)
    if not documents and not may_attach:
        return ""
    context = {"documents": documents, "activity": activity, "may_attach": may_attach}
    return render_to_string("decisions/_activity_documents.html", context, request=request)
