"""An activity's results on its page (activities.signals.activity_panels_asked): its
indicators, baseline, targets and the values the reader may see, and for the members of its
agencies a link to report."""

from __future__ import annotations

import rules
from django.http import HttpRequest
from django.template.loader import render_to_string

from activities.models import Activity
from results.queries import indicators_of


def results_panel(sender: type, *, request: HttpRequest, activity: Activity, **kwargs) -> str:
    """A receiver of activities.signals.activity_panels_asked (ResultsConfig.ready)."""
    user = request.user
    may_report = rules.has_perm("results.report_on_activity", user, activity)
    links = indicators_of(activity, user)
    if not links and not may_report:
        return ""
    context = {"activity": activity, "links": links, "may_report": may_report}
    return render_to_string("results/_activity_panel.html", context, request=request)
