"""What the results pages read: an activity's indicators with their targets and the values
the reader may see, in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Prefetch

from accounts.roles import AnyUser
from activities.models import Activity
from results.models import ActivityIndicator, ResultValue, ReviewStatus


def indicators_of(activity: Activity, user: AnyUser) -> list[ActivityIndicator]:
    """The activity's indicators, each with `targets`, `last_target` and `shown_values`
    (the values the user may see, newest period first, with their parts): four queries."""
    values = (
        ResultValue.objects.visible_to(user)
        .select_related("period", "country")
        .prefetch_related("parts")
        .order_by("-period__start", "country__name")
    )
    links = list(
        ActivityIndicator.objects.filter(activity=activity)
        .select_related("indicator")
        .prefetch_related("targets", Prefetch("values", values, to_attr="shown_values"))
    )
    for link in links:
        targets = list(link.targets.all())
        link.last_target = targets[-1] if targets else None
    return links


def review_queue():
    """Everything waiting for the secretariat: submitted values, oldest first."""
    return (
        ResultValue.objects.filter(status=ReviewStatus.SUBMITTED)
        .select_related(
            "activity_indicator__indicator",
            "activity_indicator__activity__country",
            "period",
            "country",
            "submitted_by",
        )
        .prefetch_related("parts")
        .order_by("submitted_at", "pk")
    )
