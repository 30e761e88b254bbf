"""What the country page shows of the coalition's decisions (a section registered with
countries.page_sections): the country's status and the decision that set it, its joint
workplan (deliverables, dated steps, lead agencies, matrix rows, outputs) and its
documents. A fixed number of queries whatever the plan's size."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import lru_cache

import rules
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from core.jinja import render_partial
from countries.page_sections import CountrySection
from decisions.models import CountryDeliverable, CountryStatus, Document
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


@dataclass
class PlanStep:
    title: str
    due_date: datetime.date
    due_label: str
    done: bool


@dataclass
class PlanLink:
    label: str
    url: str
    note: str = ""


@dataclass
class PlanItem:
    """One deliverable of a joint country workplan, as the country page shows it."""

    pk: int
    title: str
    progress: int | None
    status: str
    status_label: str
    lead_ids: set[int] = field(default_factory=set)
    leads: list[str] = field(default_factory=list)
    steps: list[PlanStep] = field(default_factory=list)
    rows: list[PlanLink] = field(default_factory=list)
    outputs: list[PlanLink] = field(default_factory=list)
    may_update: bool = False


def joint_workplan(country, user, today) -> list[PlanItem]:
    """The country's deliverables, each with its status as of today (the workplan's own
    rule, in the same query), lead agencies, steps, matrix rows and the outputs the reader
    may see. Plain values, not model instances: the busiest plans list hundreds of steps
    and outputs, and the page reads each once."""
    deliverables = (
        with_status(Deliverable.objects.filter(country_plan__country=country), today)
        .order_by("area__workplan__year", "pk")
        .values_list("pk", "title", "progress", "status")
    )
    plan = {
        pk: PlanItem(pk, title, progress, status, str(STATUS_LABELS.get(status, "")))
        for pk, title, progress, status in deliverables
    }
    if not plan:
        return []
    ids = list(plan)
    day = lru_cache(maxsize=None)(lambda value: date_format(value, "DATE_FORMAT"))
    leads = Deliverable.responsible_agencies.through.objects.filter(deliverable_id__in=ids)
    for pk, agency_id, acronym in leads.order_by("agency__acronym").values_list(
        "deliverable_id", "agency_id", "agency__acronym"
    ):
        plan[pk].lead_ids.add(agency_id)
        plan[pk].leads.append(acronym)
    steps = Step.objects.filter(deliverable_id__in=ids).order_by("due_date", "pk")
    for pk, title, due, completed in steps.values_list(
        "deliverable_id", "title", "due_date", "completed_on"
    ):
        plan[pk].steps.append(PlanStep(title, due, day(due), completed is not None))
    # Each row's and output's address from one reversed pattern (not a reverse() each).
    history = reverse("activities:history", args=[SLOT])
    rows = CountryDeliverable.activities.through.objects.filter(countrydeliverable_id__in=ids)
    for pk, reference in rows.order_by("activity__reference").values_list(
        "countrydeliverable_id", "activity__reference"
    ):
        plan[pk].rows.append(PlanLink(reference, history.replace(SLOT, reference)))
    document = reverse("decisions:document", args=[0])
    outputs = Document.objects.visible_to(user).filter(deliverable_id__in=ids)
    for pk, doc_pk, title, date in outputs.order_by("-date", "pk").values_list(
        "deliverable_id", "pk", "title", "date"
    ):
        url = document.replace("/0/", f"/{doc_pk}/")
        plan[pk].outputs.append(PlanLink(title, url, day(date)))
    if rules.has_perm("decisions.see_members_only", user):
        for item in plan.values():
            item.may_update = rules.has_perm("decisions.update_country_deliverable", user, item)
    return list(plan.values())


def country_section(sender, request: HttpRequest, country, **kwargs) -> CountrySection:
    """A receiver of countries.page_sections.country_sections_asked (DecisionsConfig.ready)."""
    return CountrySection("decisions/_country_section.html", section_context(request, country), 20)


def section_context(request: HttpRequest, country) -> dict[str, object]:
    user = request.user
    plan = joint_workplan(country, user, timezone.localdate())
    return {
        "country": country,
        "status": current_status(country, user),
        "plan": plan,
        "plan_html": render_partial("decisions/joint_plan.html", {"plan": plan}, request),
        "documents": list(
            Document.objects.visible_to(user)
            .filter(country=country, deliverable__isnull=True)
            .order_by("-date", "pk")
        ),
        "members": rules.has_perm("decisions.see_members_only", user),
    }
