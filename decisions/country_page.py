"""What the country page shows of the coalition's decisions (a section registered with
countries.page_sections): the country's status and the decision that set it, its joint
workplan (deliverables, dated steps, lead agencies, matrix rows, outputs) and its
documents. A fixed number of queries whatever the plan's size."""

from __future__ import annotations

from functools import lru_cache

import rules
from django.db.models import Prefetch
from django.http import HttpRequest
from django.urls import reverse
from django.utils.formats import date_format

from activities.models import Activity
from agencies.models import Agency
from decisions.models import CountryStatus, Document
from workplan.models import Deliverable, Step
from workplan.status import STATUS_LABELS, with_status

SLOT = "REFERENCE"


def current_status(country, user) -> CountryStatus | None:
    return (
        CountryStatus.objects.visible_to(user)
        .filter(country=country)
        .select_related("decision__meeting")
        .order_by("-since", "-pk")
        .first()
    )


def joint_workplan(country, user, today) -> list[Deliverable]:
    """The country's deliverables, each with its status as of today (the workplan's own
    rule, in the same query), lead agencies, steps, matrix rows and the outputs the reader
    may see."""
    documents = Document.objects.visible_to(user).order_by("-date", "pk")
    rows = Activity.objects.only("pk", "reference").order_by("reference")
    plan = list(
        with_status(Deliverable.objects.filter(country_plan__country=country), today)
        .select_related("country_plan")
        .prefetch_related(
            Prefetch("responsible_agencies", queryset=Agency.objects.only("pk", "acronym")),
            Prefetch("steps", queryset=Step.objects.order_by("due_date", "pk")),
            Prefetch("documents", queryset=documents),
            Prefetch("country_plan__activities", queryset=rows),
        )
        .order_by("area__workplan__year", "pk")
    )
    may_update_any = rules.has_perm("decisions.see_members_only", user)
    # Each row's and output's address from one reversed pattern (not a reverse() each).
    history = reverse("activities:history", args=[SLOT])
    document = reverse("decisions:document", args=[0])
    day = lru_cache(maxsize=None)(lambda value: date_format(value, "DATE_FORMAT"))
    for deliverable in plan:
        # Plain lists, dates written once per distinct day: the template reads them many
        # times, and a manager's .all() or a date filter costs per call.
        deliverable.leads = list(deliverable.responsible_agencies.all())
        deliverable.lead_ids = {agency.pk for agency in deliverable.leads}
        deliverable.step_list = list(deliverable.steps.all())
        for step in deliverable.step_list:
            step.due_label = day(step.due_date)
        deliverable.rows = list(deliverable.country_plan.activities.all())
        for activity in deliverable.rows:
            activity.history_url = history.replace(SLOT, activity.reference)
        deliverable.outputs = list(deliverable.documents.all())
        for output in deliverable.outputs:
            output.url = document.replace("/0/", f"/{output.pk}/")
            output.date_label = day(output.date)
        deliverable.status_label = STATUS_LABELS.get(deliverable.status, "")
        deliverable.may_update = may_update_any and rules.has_perm(
            "decisions.update_country_deliverable", user, deliverable
        )
    return plan


def country_section(request: HttpRequest, country) -> dict[str, object]:
    from django.utils import timezone

    user = request.user
    return {
        "country": country,
        "status": current_status(country, user),
        "plan": joint_workplan(country, user, timezone.localdate()),
        "documents": list(
            Document.objects.visible_to(user)
            .filter(country=country, deliverable__isnull=True)
            .order_by("-date", "pk")
        ),
        "members": rules.has_perm("decisions.see_members_only", user),
    }
