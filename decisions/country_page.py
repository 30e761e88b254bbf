"""What the country page shows of the coalition's decisions (a section registered with
countries.page_sections): the country's status and the decision that set it, its joint
workplan (deliverables, dated steps, lead agencies, matrix rows, outputs) and its
documents. A fixed number of queries whatever the plan's size."""

from __future__ import annotations

import rules
from django.db.models import Prefetch
from django.http import HttpRequest

from decisions.models import CountryDeliverable, CountryStatus, Document
from workplan.models import Step
from workplan.status import STATUS_LABELS, with_status


def current_status(country, user) -> CountryStatus | None:
    return (
        CountryStatus.objects.visible_to(user)
        .filter(country=country)
        .select_related("decision__meeting")
        .order_by("-since", "-pk")
        .first()
    )


def joint_workplan(country, user, today) -> list[CountryDeliverable]:
    documents = Document.objects.visible_to(user).order_by("-date", "pk")
    plan = list(
        CountryDeliverable.objects.filter(country=country)
        .select_related("deliverable__area__workplan")
        .prefetch_related(
            "deliverable__responsible_agencies",
            Prefetch("deliverable__steps", queryset=Step.objects.order_by("due_date", "pk")),
            Prefetch("deliverable__documents", queryset=documents),
            "activities",
        )
        .order_by("deliverable__area__workplan__year", "deliverable__pk")
    )
    statuses = (
        dict(
            with_status(
                type(plan[0].deliverable).objects.filter(pk__in=[p.pk for p in plan]), today
            ).values_list("pk", "status")
        )
        if plan
        else {}
    )
    for item in plan:
        deliverable = item.deliverable
        deliverable.lead_ids = {agency.pk for agency in deliverable.responsible_agencies.all()}
        deliverable.status = statuses.get(deliverable.pk)
        deliverable.status_label = STATUS_LABELS.get(deliverable.status, "")
        deliverable.may_update = rules.has_perm(
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
