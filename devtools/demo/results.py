"""Illustrative results for the demo, so that the results pages have something to show: the
2012 reporting period and, for each SPF-I joint task force of the seed (2011-2012), the
indicator "National dialogue held" with an approved value. The seeds report no figures for
these countries, so the demo records milestones only, no invented counts."""

import datetime

from activities.models import Activity
from results.models import ActivityIndicator, Indicator, ReportingPeriod, ResultValue, ReviewStatus

PERIOD = ("2012", datetime.date(2012, 1, 1), datetime.date(2012, 12, 31))
DIALOGUE = "DIALOGUE"
NOTE = "Illustrative demo value (the seeds name the task force, not the dialogue's date)."


def load_results(activities: list[Activity]) -> int:
    """Create what is missing; returns how many values were created."""
    label, start, end = PERIOD
    period, _ = ReportingPeriod.objects.get_or_create(
        label=label, defaults={"start": start, "end": end}
    )
    indicator = Indicator.objects.filter(code=DIALOGUE).first()
    if indicator is None:
        return 0
    created = 0
    for activity in activities:
        if not (
            activity.start_date
            and activity.end_date
            and activity.start_date <= end <= activity.end_date
        ):
            continue
        link, _ = ActivityIndicator.objects.get_or_create(activity=activity, indicator=indicator)
        if ResultValue.objects.filter(activity_indicator=link, period=period).exists():
            continue
        ResultValue.objects.create(
            activity_indicator=link,
            period=period,
            value=1,
            achieved_on=datetime.date(2012, 6, 30),
            status=ReviewStatus.APPROVED,
            evidence_note=NOTE,
        )
        created += 1
    return created
