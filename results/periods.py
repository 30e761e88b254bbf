"""What a round asks of results: for its period, which of an agency's activities'
indicators still lack a value (the checklist) and how many each agency reported (the round's
report). A value counts once it exists, whatever its review status; a multi-country
activity's indicator counts when one of its countries has a value."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from activities.models import ActivityAgency
from results.models import ActivityIndicator, ReportingPeriod, ResultValue, ReviewStatus


def _of_agency(agency_id: int):
    taking_part = ActivityAgency.objects.filter(activity=OuterRef("activity"), agency_id=agency_id)
    return ActivityIndicator.objects.filter(Exists(taking_part))


def _with_value(period: ReportingPeriod):
    return Exists(ResultValue.objects.filter(activity_indicator=OuterRef("pk"), period=period))


def missing_values(agency_id: int, period: ReportingPeriod) -> list[ActivityIndicator]:
    """The agency's activities' indicators with no value for the period yet (one query),
    in the checklist's order."""
    return list(
        _of_agency(agency_id)
        .exclude(_with_value(period))
        .select_related("indicator", "activity__country")
        .order_by("activity__country__name", "activity__title", "indicator__position")
    )


@dataclass(frozen=True)
class Reported:
    expected: int  # indicators the agency's activities report on
    reported: int  # of them, with a value for the period
    approved: int  # values of the period approved


def reported_by_agency(period: ReportingPeriod, agency_ids: Iterable[int]) -> dict[int, Reported]:
    """Per agency, its results for the period: two queries whatever the number of agencies."""
    ids = list(agency_ids)
    links = (
        ActivityIndicator.objects.filter(activity__participations__agency_id__in=ids)
        .annotate(has_value=_with_value(period))
        .values_list("activity__participations__agency_id", "has_value")
    )
    expected: dict[int, int] = dict.fromkeys(ids, 0)
    reported: dict[int, int] = dict.fromkeys(ids, 0)
    for agency_id, has_value in links:
        expected[agency_id] += 1
        reported[agency_id] += bool(has_value)
    approved = dict(
        ResultValue.objects.filter(
            period=period, activity_indicator__activity__participations__agency_id__in=ids
        )
        .values_list("activity_indicator__activity__participations__agency_id")
        .annotate(n=Count("pk", filter=Q(status=ReviewStatus.APPROVED)))
        .order_by()
    )
    return {
        agency_id: Reported(expected[agency_id], reported[agency_id], approved.get(agency_id, 0))
        for agency_id in ids
    }
