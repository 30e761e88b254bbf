"""The status of a deliverable, derived from its dated steps, their completion and its progress.

In order, the first that applies:
- done: every step is completed (and there is at least one), or progress is 100 %;
- late: an open step's due date has passed;
- at risk: an open step is due within AT_RISK_DAYS and progress is under AT_RISK_PROGRESS
  (no progress reported counts as 0);
- not started: no step completed and no progress reported;
- on track: anything else.

It is a queryset annotation, so the board can filter on it in SQL.
"""

import datetime

from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from workplan.models import Deliverable

AT_RISK_DAYS = 14
AT_RISK_PROGRESS = 80

NOT_STARTED, ON_TRACK, AT_RISK, LATE, DONE = "not-started", "on-track", "at-risk", "late", "done"
STATUS_CHOICES = [
    (NOT_STARTED, _("not started")),
    (ON_TRACK, _("on track")),
    (AT_RISK, _("at risk")),
    (LATE, _("late")),
    (DONE, _("done")),
]
STATUS_LABELS = dict(STATUS_CHOICES)


def with_status(deliverables: QuerySet[Deliverable], today: datetime.date) -> QuerySet[Deliverable]:
    """Annotate `status` (one of STATUS_CHOICES) on each deliverable, as of `today`.

    Filter the deliverables on other tables with pk__in subqueries, not joins: a join
    would multiply the step counts.
    """
    open_step = Q(steps__completed_on__isnull=True, steps__isnull=False)
    soon = today + datetime.timedelta(days=AT_RISK_DAYS)
    return deliverables.alias(
        progress_or_zero=Coalesce(F("progress"), Value(0)),
        n_steps=Count("steps"),
        n_open=Count("steps", filter=open_step),
        n_late=Count("steps", filter=open_step & Q(steps__due_date__lt=today)),
        n_soon=Count("steps", filter=open_step & Q(steps__due_date__lte=soon)),
    ).annotate(
        status=Case(
            When(Q(n_steps__gt=0, n_open=0) | Q(progress__gte=100), then=Value(DONE)),
            When(n_late__gt=0, then=Value(LATE)),
            When(n_soon__gt=0, progress_or_zero__lt=AT_RISK_PROGRESS, then=Value(AT_RISK)),
            When(progress_or_zero=0, n_open=F("n_steps"), then=Value(NOT_STARTED)),
            default=Value(ON_TRACK),
        )
    )


def late_deliverables(today: datetime.date) -> QuerySet[Deliverable]:
    """The deliverables late as of `today` (the count on "My deadlines" for the secretariat)."""
    return with_status(Deliverable.objects.all(), today).filter(status=LATE)
