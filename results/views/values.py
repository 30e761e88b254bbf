"""Entering a period's value of an activity's indicator, with its parts, evidence and
comment; submitting it to the secretariat."""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from results import services
from results.concurrency import StaleEdit
from results.forms import ValueForm
from results.models import ActivityIndicator, ResultValue
from results.views.activity import NOT_YOURS


def value_or_404(request: HttpRequest, pk: int) -> ResultValue:
    """A value the person may see: a 404 otherwise (a draft's existence is not told)."""
    found = (
        ResultValue.objects.visible_to(request.user)
        .select_related(
            "activity_indicator__indicator", "activity_indicator__activity__country", "period"
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404
    return found


@login_required
def value_add(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(
        ActivityIndicator.objects.select_related("activity__country", "indicator"), pk=pk
    )
    if not rules.has_perm("results.report_on_activity", request.user, link.activity):
        raise PermissionDenied(NOT_YOURS)
    initial = {"period": request.GET.get("period")} if request.GET.get("period") else None
    form = ValueForm(request.POST or None, link=link, initial=initial)
    return value_form(request, form, ResultValue(activity_indicator=link))


@login_required
def value_edit(request: HttpRequest, pk: int) -> HttpResponse:
    result = value_or_404(request, pk)
    if not rules.has_perm("results.change_value", request.user, result):
        if request.method == "POST":
            raise PermissionDenied(
                _("This value cannot be changed now (submitted, approved or locked).")
            )
        return render(request, "results/value.html", {"result": result, **actions(request, result)})
    form = ValueForm(request.POST or None, link=result.activity_indicator, result=result)
    return value_form(request, form, result)


def actions(request: HttpRequest, result: ResultValue) -> dict[str, bool]:
    user = request.user
    return {
        "may_submit": rules.has_perm("results.submit_value", user, result),
        "may_review": rules.has_perm("results.review", user),
        "may_unlock": rules.has_perm("results.unlock", user) and result.is_locked,
    }


def value_form(request: HttpRequest, form: ValueForm, result: ResultValue) -> HttpResponse:
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if result.pk is None:
            result.period = data["period"]
            result.country = data.get("country")
        result.value = data["number"]
        result.achieved_on = data.get("achieved_on")
        for name in ("evidence_url", "evidence_note", "comment"):
            setattr(result, name, data[name])
        try:
            services.save_value(request.user, result, data.get("version"), data["parts"])
        except StaleEdit as stale:
            form.add_error(None, stale.message())
            form.data = form.data.copy()
            form.data["version"] = stale.current.version
            status = 409
        except ValidationError as error:  # the database's one-value-per-period, raced
            form.add_error(None, error)
            status = 409
        else:
            for warning in form.warnings:
                messages.warning(request, warning)
            if request.POST.get("then") == "submit":
                services.submit(request.user, result)
                messages.success(request, _("The value is saved and sent to the secretariat."))
            else:
                messages.success(request, _("The value is saved as a draft."))
            return redirect(
                "results:activity", reference=result.activity_indicator.activity.reference
            )
    elif request.method == "POST":
        status = 400
    context = {"form": form, "result": result, "link": form.link, "activity": form.activity}
    return render(request, "results/value_form.html", context, status=status)


@login_required
@require_POST
def value_submit(request: HttpRequest, pk: int) -> HttpResponse:
    result = value_or_404(request, pk)
    if not rules.has_perm("results.submit_value", request.user, result):
        raise PermissionDenied(_("This value cannot be submitted now."))
    try:
        services.submit(request.user, result, version_of(request))
    except StaleEdit as stale:
        return refused(request, stale.message())
    messages.success(request, _("The value is sent to the secretariat."))
    return redirect("results:activity", reference=result.activity_indicator.activity.reference)


def version_of(request: HttpRequest) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else None


def refused(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "results/refused.html", {"message": message}, status=409)
