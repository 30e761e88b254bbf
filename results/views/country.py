"""A country's own results, entered by the members of the agencies working there and the
secretariat: dated milestones and national coverage figures, each with the activities and
agencies that contributed, reviewed like an activity's values."""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from countries.views import country_or_404
from results import services
from results.concurrency import StaleEdit
from results.forms import CoverageFigureForm, MilestoneForm
from results.models import CountryMilestone, CoverageFigure
from results.rules import contribution_rights, works_in
from results.views.values import refused, version_of

KINDS = {
    "milestone": (CountryMilestone, MilestoneForm),
    "figure": (CoverageFigure, CoverageFigureForm),
}
NOT_HERE = _(
    "Members add a country's results where their agencies work; the secretariat everywhere."
)


@login_required
def country_entry(request: HttpRequest, code: str) -> HttpResponse:
    country = country_or_404(code)
    user = request.user
    milestones = list(
        CountryMilestone.objects.visible_to(user)
        .filter(country=country)
        .prefetch_related("agencies")
    )
    figures = list(
        CoverageFigure.objects.visible_to(user)
        .filter(country=country)
        .select_related("indicator")
        .prefetch_related("agencies")
    )
    works = works_in(user, country)
    for row in milestones + figures:
        row.may_change = contribution_rights(user, row, works)
    context = {
        "country": country,
        "milestones": milestones,
        "figures": figures,
        "may_add": rules.has_perm("results.add_country_result", user, country),
        "may_review": rules.has_perm("results.review", user),
    }
    return render(request, "results/country_entry.html", context)


def row_or_404(request: HttpRequest, kind: str, pk: int):
    model = KINDS[kind][0]
    found = model.objects.visible_to(request.user).select_related("country").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@login_required
def contribution_add(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    country = country_or_404(code)
    if not rules.has_perm("results.add_country_result", request.user, country):
        raise PermissionDenied(NOT_HERE)
    model = KINDS[kind][0]
    return contribution_form(request, kind, model(country=country))


@login_required
def contribution_edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    row = row_or_404(request, kind, pk)
    if not rules.has_perm("results.change_country_result", request.user, row):
        raise PermissionDenied(_("This entry cannot be changed now (submitted or approved)."))
    return contribution_form(request, kind, row)


def contribution_form(request: HttpRequest, kind: str, row) -> HttpResponse:
    form_class = KINDS[kind][1]
    form = form_class(request.POST or None, instance=row, country=row.country)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        row = form.save(commit=False)
        try:
            services.save_contribution(
                request.user, row, data.get("version"), data["activities"], data["agencies"]
            )
        except StaleEdit as stale:
            form.add_error(None, stale.message())
            form.data = form.data.copy()
            form.data["version"] = stale.current.version
            status = 409
        else:
            if request.POST.get("then") == "submit":
                services.submit(request.user, row)
                messages.success(request, _("Saved and sent to the secretariat."))
            else:
                messages.success(request, _("Saved as a draft."))
            return redirect("results:country_entry", code=row.country.code)
    elif request.method == "POST":
        status = 400
    context = {"form": form, "row": row, "kind": kind, "country": row.country}
    return render(request, "results/contribution_form.html", context, status=status)


@login_required
@require_POST
def contribution_review(request: HttpRequest, kind: str, pk: int, action: str) -> HttpResponse:
    """submit (its authors), approve or return with a reason (the secretariat)."""
    if action not in ("submit", "approve", "return"):
        raise Http404
    row = row_or_404(request, kind, pk)
    user = request.user
    if action == "submit":
        allowed = rules.has_perm("results.change_country_result", user, row)
    else:
        allowed = rules.has_perm("results.review", user)
    if not allowed:
        raise PermissionDenied(_("Only the secretariat reviews results."))
    version = version_of(request)
    acts = {
        "submit": lambda: services.submit(user, row, version),
        "approve": lambda: services.approve(user, row, version),
        "return": lambda: services.return_for_revision(
            user, row, request.POST.get("reason", ""), version
        ),
    }
    try:
        acts[action]()
    except StaleEdit as stale:
        return refused(request, stale.message())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Done."))
    if action == "submit":
        return redirect("results:country_entry", code=row.country.code)
    return redirect("results:review")
