"""What the country page shows of the coalition's decisions (a section registered with
countries.page_sections): the country's status and the decision that set it, its joint
workplan (deliverables, dated steps, lead agencies, matrix rows, outputs) and its
documents. A fixed number of queries whatever the plan's size."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import lru_cache

import rules
from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from core.jinja import render_partial
from countries.page_sections import CountrySection
from decisions.models import CountryDeliverable, CountryStatus, Document, Visibility
from workplan.models import Deliverable, Step
from workplan.status import STATUS_LABELS, with_status

SLOT = "REFERENCE"


def current_status(country, user) -> CountryStatus | None:
    # The page links to the decision by its id: no join to the decision and its meeting.
    return (
        CountryStatus.objects.visible_to(user)
        .filter(country=country)
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
class DocumentLine:
    """A document the reader may see, as the page lists it (with its deliverable, if it is
    one's output)."""

    deliverable_id: int | None
    label: str
    url: str
    date_label: str
    about: str  # "English · PDF, 12.0 KB"
    restricted: str  # who may read it, when not everyone


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
    outputs: list[DocumentLine] = field(default_factory=list)
    may_update: bool = False


def country_documents(country, user) -> list[DocumentLine]:
    """The documents of the country and the outputs of its joint workplan's deliverables
    that the reader may see, in one query, newest first. Plain values: the page reads each
    once, and a model instance, a reverse() and a template include per document were most of
    the section's cost."""
    plan = CountryDeliverable.objects.filter(country=country).values("pk")
    documents = (
        Document.objects.visible_to(user)
        .filter(Q(country=country, deliverable=None) | Q(deliverable_id__in=plan))
        .order_by("-date", "pk")
        .values_list(
            "deliverable_id", "pk", "title", "date", "language", "extension", "size", "visibility"
        )
    )
    url = reverse("decisions:document", args=[0])
    languages = {code: str(name) for code, name in settings.LANGUAGES}
    restricted = {value: str(label) for value, label in Visibility.choices}
    restricted[Visibility.PUBLIC] = ""
    day = _day_formatter()
    return [
        DocumentLine(
            deliverable_id,
            title,
            url.replace("/0/", f"/{pk}/"),
            day(date),
            f"{languages.get(language, language)} · {extension[1:].upper()}, "
            f"{filesizeformat(size)}",
            restricted.get(visibility, ""),
        )
        for deliverable_id, pk, title, date, language, extension, size, visibility in documents
    ]


def _day_formatter():
    """date_format once per distinct day: a plan's steps and outputs share few dates."""
    return lru_cache(maxsize=None)(lambda value: date_format(value, "DATE_FORMAT"))


def joint_workplan(country, user, today, documents: list[DocumentLine]) -> list[PlanItem]:
    """The country's deliverables, each with its status as of today (the workplan's own
    rule, in the same query), lead agencies, steps, matrix rows and its outputs among
    `documents` (country_documents: those the reader may see). Plain values, not model
    instances: the busiest plans list hundreds of steps and outputs, and the page reads each
    once."""
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
    day = _day_formatter()
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
    # Each row's address from one reversed pattern (not a reverse() each).
    history = reverse("activities:history", args=[SLOT])
    rows = CountryDeliverable.activities.through.objects.filter(countrydeliverable_id__in=ids)
    for pk, reference in rows.order_by("activity__reference").values_list(
        "countrydeliverable_id", "activity__reference"
    ):
        plan[pk].rows.append(PlanLink(reference, history.replace(SLOT, reference)))
    for document in documents:
        if document.deliverable_id in plan:
            plan[document.deliverable_id].outputs.append(document)
    if rules.has_perm("decisions.see_members_only", user):
        for item in plan.values():
            item.may_update = rules.has_perm("decisions.update_country_deliverable", user, item)
    return list(plan.values())


def country_section(sender, request: HttpRequest, country, **kwargs) -> CountrySection:
    """A receiver of countries.page_sections.country_sections_asked (DecisionsConfig.ready)."""
    return CountrySection("decisions/_country_section.html", section_context(request, country), 20)


def section_context(request: HttpRequest, country) -> dict[str, object]:
    user = request.user
    documents = country_documents(country, user)
    plan = joint_workplan(country, user, timezone.localdate(), documents)
    own = [document for document in documents if document.deliverable_id is None]
    return {
        "country": country,
        "status": current_status(country, user),
        "plan": plan,
        "plan_html": render_partial("decisions/joint_plan.html", {"plan": plan}, request),
        "documents": own,
        "documents_html": render_partial(
            "decisions/document_lines.html", {"documents": own}, request
        ),
        "members": rules.has_perm("decisions.see_members_only", user),
    }
