"""An activity's results for its members: the indicators it reports on (chosen with a
baseline and targets) and each period's values, with what the reader may do with each."""

from __future__ import annotations

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from activities.models import Activity
from activities.rules import takes_part
from results.concurrency import StaleEdit
from results.forms import ActivityIndicatorForm
from results.models import ActivityIndicator, ReportingPeriod
from results.queries import indicators_of
from results.rules import value_rights
from results.services import save_indicator

NOT_YOURS = _("Only the members of the activity's agencies and the secretariat report on it.")


def activity_or_404(reference: str) -> Activity:
    return get_object_or_404(Activity.objects.select_related("country"), reference=reference)


@login_required
def activity_results(request: HttpRequest, reference: str) -> HttpResponse:
    activity = activity_or_404(reference)
    user = request.user
    links = indicators_of(activity, user)
    may_report = rules.has_perm("results.report_on_activity", user, activity)
    reports = may_report and takes_part(user, activity)
    for link in links:
        for result in link.shown_values:
            result.may_change, result.may_submit = value_rights(user, result, reports)
    context = {
        "activity": activity,
        "links": links,
        "may_report": may_report,
        "periods": ReportingPeriod.objects.filter(locked_at__isnull=True)[:4],
    }
    return render(request, "results/activity.html", context)


@login_required
def indicator_add(request: HttpRequest, reference: str) -> HttpResponse:
    activity = activity_or_404(reference)
    return indicator_form(request, activity, None)


@login_required
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    link = get_object_or_404(
        ActivityIndicator.objects.select_related("activity__country", "indicator"), pk=pk
    )
    return indicator_form(request, link.activity, link)


def indicator_form(
    request: HttpRequest, activity: Activity, link: ActivityIndicator | None
) -> HttpResponse:
    if not rules.has_perm("results.report_on_activity", request.user, activity):
        raise PermissionDenied(NOT_YOURS)
    form = ActivityIndicatorForm(request.POST or None, activity=activity, link=link)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        target = link or ActivityIndicator(activity=activity, indicator=data["indicator"])
        target.baseline_value, target.baseline_date = data["baseline"], data["baseline_date"]
        try:
            save_indicator(request.user, target, data.get("version"), data["targets"])
        except StaleEdit as stale:
            form.add_error(None, stale.message())
            form.data = form.data.copy()
            form.data["version"] = stale.current.version
            status = 409
        else:
            messages.success(request, _("The indicator is saved."))
            return redirect("results:activity", reference=activity.reference)
    context = {"activity": activity, "form": form, "link": link}
    return render(request, "results/indicator_form.html", context, status=status)
