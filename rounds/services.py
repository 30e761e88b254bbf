"""What members and the secretariat do in update rounds. Views call these; rules live here."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import agency_ids
from activities.models import Activity, ActivityAgency
from activities.services import close_activity
from agencies.models import Agency
from results.models import ReportingPeriod
from results.services import lock_period, unlock_period
from rounds.models import Outcome, RoundAgency, RowConfirmation, UpdateRound
from rounds.tasks import announce_later


class RoundClosed(Exception):
    """The round is closed: it takes no answers until the secretariat reopens it."""

    def __init__(self, update_round: UpdateRound) -> None:
        super().__init__(f"Round {update_round.pk} is closed")
        self.round = update_round

    def message(self) -> str:
        return _(
            "The round “%(title)s” is closed: it accepts no more answers. "
            "Ask the secretariat to reopen it."
        ) % {"title": self.round.title}


def open_parts_for(user: AbstractBaseUser | AnonymousUser) -> list[RoundAgency]:
    """The open rounds' parts asked of the user's agencies (for the banner and checklist)."""
    mine = agency_ids(user)
    if not mine:
        return []
    return list(
        RoundAgency.objects.filter(agency_id__in=mine, round__closed_at__isnull=True)
        .select_related("round", "agency")
        .order_by("round__deadline", "agency__acronym")
    )


def banner_parts_for(user: AbstractBaseUser | AnonymousUser) -> list[RoundAgency]:
    """Like open_parts_for, in one query (a join on memberships): it runs on every page."""
    if not user.is_authenticated:
        return []
    # If the page already looked up the user's agencies, use them: none means no query.
    known = getattr(user, "_spf_agency_ids", None)
    if known is not None:
        return open_parts_for(user)
    return list(
        RoundAgency.objects.filter(
            agency__memberships__profile__user=user, round__closed_at__isnull=True
        )
        .select_related("round", "agency")
        .order_by("round__deadline", "agency__acronym")
    )


def confirmations_for(parts: list[RoundAgency]) -> dict[tuple[int, int], RowConfirmation]:
    """Answers given so far in those parts, keyed by (round part id, activity id)."""
    if not parts:
        return {}
    by_key = {(part.round_id, part.agency_id): part.pk for part in parts}
    rows = RowConfirmation.objects.filter(
        round_id__in={p.round_id for p in parts}, agency_id__in={p.agency_id for p in parts}
    )
    return {
        (by_key[(row.round_id, row.agency_id)], row.activity_id): row
        for row in rows
        if (row.round_id, row.agency_id) in by_key
    }


def rows_of(agency_id: int) -> QuerySet[Activity]:
    """An agency's rows of the matrix: the activities it takes part in, in any role."""
    return Activity.objects.with_agency(agency_id)


def default_agencies() -> QuerySet[Agency]:
    """Who a new round asks unless the secretariat says otherwise: the coalition members."""
    return Agency.objects.filter(is_member=True)


def open_round(
    user: AbstractBaseUser,
    *,
    title: str,
    deadline: datetime.date,
    agencies: Iterable[Agency],
    message: str = "",
    period: ReportingPeriod | None = None,
    **translations: str,
) -> UpdateRound:
    """Open a round and ask each agency for its part, all or nothing.

    `translations`: title_fr, title_es, message_fr, message_es (each may be empty)."""
    with transaction.atomic():
        update_round = UpdateRound.objects.create(
            title=title,
            deadline=deadline,
            message=message,
            period=period,
            opened_by=user,
            **translations,
        )
        ask_agencies(update_round, agencies)
    return update_round


def ask_agencies(update_round: UpdateRound, agencies: Iterable[Agency]) -> int:
    """Add parts for agencies not yet asked in the round; returns how many were added."""
    asked = set(update_round.parts.values_list("agency_id", flat=True))
    new = [agency for agency in agencies if agency.pk not in asked]
    # One save each (a few dozen agencies at most), so that history records who asked.
    parts = [RoundAgency.objects.create(round=update_round, agency=agency) for agency in new]
    # Their members learn of it by email, once the parts are committed.
    announce_later([part.pk for part in parts])
    return len(new)


def close_round(update_round: UpdateRound, user: AbstractBaseUser | None = None) -> None:
    """Close the round: its answers stand as they are (parts unlocked before are locked),
    and so do its period's results (values unlocked before lock again)."""
    if update_round.closed_at is None:
        with transaction.atomic():
            update_round.closed_at = timezone.now()
            update_round.save(update_fields=["closed_at"])
            if update_round.period is not None:
                lock_period(user, update_round.period)
            for part in update_round.parts.filter(unlocked_at__isnull=False):
                part.unlocked_at = None
                part.save(update_fields=["unlocked_at"])


def reopen_round(update_round: UpdateRound, user: AbstractBaseUser | None = None) -> None:
    """Take answers again, results of its period included (the reopening is the reason
    the period's history keeps)."""
    if update_round.closed_at is not None:
        with transaction.atomic():
            update_round.closed_at = None
            update_round.save(update_fields=["closed_at"])
            period = update_round.period
            if period is not None and period.is_locked:
                reason = _("The round “%(title)s” was reopened.") % {"title": update_round.title}
                unlock_period(user, period, reason)


def _touch(part: RoundAgency, when: datetime.datetime) -> None:
    # A plain update: the part's history records submissions, not every click.
    RoundAgency.objects.filter(pk=part.pk).update(last_activity_at=when)
    part.last_activity_at = when


def answer_row(
    user: AbstractBaseUser,
    part: RoundAgency,
    activity_id: int,
    outcome: str,
    version: int | None = None,
) -> RowConfirmation:
    """Record the agency's answer for one of its rows (the latest answer wins).

    The caller has checked that the activity is one of the agency's rows. Raises
    RoundClosed, with nothing written, when the round is closed.
    """
    if not part.takes_answers:
        raise RoundClosed(part.round)
    now = timezone.now()
    answer = RowConfirmation(
        round_id=part.round_id,
        agency_id=part.agency_id,
        activity_id=activity_id,
        outcome=outcome,
        confirmed_by=user,
        confirmed_at=now,
        # The version answered for (a later edit is a new version, not this answer's).
        activity_version=version
        if version is not None
        else Activity.objects.filter(pk=activity_id).values_list("version", flat=True).first(),
    )
    with transaction.atomic():
        # One statement whether it is the first answer or a change of mind.
        RowConfirmation.objects.bulk_create(
            [answer],
            update_conflicts=True,
            unique_fields=["round", "agency", "activity"],
            update_fields=["outcome", "confirmed_by", "confirmed_at", "activity_version"],
        )
        _touch(part, now)
    return answer


def close_row(user: AbstractBaseUser, part: RoundAgency, activity: Activity, version: int) -> None:
    """Close the activity from the checklist and answer CLOSED for the part's agency.

    Closing is activities.services.close_activity's rule, wherever it is done from: the end
    date (the activity's own, else today), the check against the start date, the version
    (EditConflict, nothing written, when stale) and the activity_closed signal (which
    answers for the user's own agencies). The part is answered here too: the secretariat
    answering for an agency is no member of it. Raises RoundClosed, with nothing written,
    when the round is closed.
    """
    if not part.takes_answers:
        raise RoundClosed(part.round)
    with transaction.atomic():
        close_activity(user, activity, version)
        answer_row(user, part, activity.pk, Outcome.CLOSED, activity.version)


def record_answer(user: AbstractBaseUser, activity: Activity, outcome: str) -> int:
    """Answer `outcome` for the activity in each open part of the user's agencies in it.

    For the member pages outside the checklist (edit form, quick edit, close). Counts only
    for the agencies the user speaks for (an edit by the secretariat is not the agency's
    answer). Returns the number of parts answered.
    """
    mine = agency_ids(user)
    if not mine:
        return 0
    parts = list(
        RoundAgency.objects.filter(
            Q(round__closed_at__isnull=True) | Q(unlocked_at__isnull=False),
            agency_id__in=mine,
            agency__participations__activity=activity,
        ).select_related("round")
    )
    for part in parts:
        answer_row(user, part, activity.pk, outcome, activity.version)
    return len(parts)


def record_edit(user: AbstractBaseUser, activity: Activity) -> int:
    """After a member saves an activity: answer EDITED in its open round parts."""
    return record_answer(user, activity, Outcome.EDITED)


def record_close(user: AbstractBaseUser, activity: Activity) -> int:
    """After a member closes an activity: answer CLOSED in its open round parts."""
    return record_answer(user, activity, Outcome.CLOSED)


def submit_part(user: AbstractBaseUser, part: RoundAgency) -> bool:
    """Mark the agency's part submitted; False if it already was (the first one counts).

    A submission after the deadline is accepted: RoundAgency.is_late marks it. After the
    secretariat returned the part, submitting again is a resubmission (counted).
    """
    if not part.takes_answers:
        raise RoundClosed(part.round)
    if part.submitted_at is not None:
        return False
    now = timezone.now()
    part.submitted_at = now
    part.submitted_by = user
    part.last_activity_at = now
    part.submissions += 1
    part._history_user = user
    part.save(update_fields=["submitted_at", "submitted_by", "last_activity_at", "submissions"])
    return True


def _count(queryset: QuerySet, group_by: str) -> Coalesce:
    """A correlated COUNT(*) of queryset rows, grouped on one column (0 when none)."""
    counted = queryset.values(group_by).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def answered_rows(part: RoundAgency) -> int:
    """How many of the part's rows (still the agency's) have an answer."""
    return RowConfirmation.objects.filter(
        round_id=part.round_id,
        agency_id=part.agency_id,
        activity__participations__agency_id=part.agency_id,
    ).count()


def parts_with_progress(update_round: UpdateRound) -> list[RoundAgency]:
    """The round's parts with `row_count`, `answered_count` and `added_since`: one query, and
    one more when some part is submitted.

    An answer counts only while the activity is still one of the agency's rows. Once a part
    is submitted, the rows added after it are counted apart (`added_since`): they do not make
    the submitted part look unfinished.

    Only a submitted part needs its rows' creation dates (a part still open counts every
    row it has now). They are counted for all the submitted parts at once, in one grouped
    join: a subquery per part had PostgreSQL scan every activity once per agency with rows
    (a closed round of 500 agencies cost a third of a second at 10,000 activities, and its
    answers made the secretariat's dashboard miss its target). `row_count` is worked out
    here from the two counts.
    """
    all_rows = ActivityAgency.objects.filter(agency_id=OuterRef("agency_id"))
    answers = RowConfirmation.objects.filter(
        round_id=OuterRef("round_id"),
        agency_id=OuterRef("agency_id"),
        activity__participations__agency_id=OuterRef("agency_id"),
    )
    answers_before = answers.filter(activity__created_at__lte=OuterRef("submitted_at"))
    still_open = Q(submitted_at__isnull=True)
    parts = list(
        RoundAgency.objects.filter(round=update_round)
        .select_related("agency", "submitted_by")
        .annotate(
            all_rows=_count(all_rows, "agency"),
            answered_count=Case(
                When(still_open, then=_count(answers, "agency")),
                default=_count(answers_before, "agency"),
            ),
        )
        .order_by("agency__acronym")
    )
    added: dict[int, int] = {}
    if any(part.submitted_at for part in parts):
        added = dict(
            ActivityAgency.objects.filter(
                agency__round_parts__round=update_round,
                agency__round_parts__submitted_at__isnull=False,
                activity__created_at__gt=F("agency__round_parts__submitted_at"),
            )
            .order_by()
            .values_list("agency_id")
            .annotate(n=Count("pk"))
        )
    for part in parts:
        part.round = update_round  # the same for all: not joined and built once per part
        part.added_since = added.get(part.agency_id, 0) if part.submitted_at else 0
        part.row_count = part.all_rows - part.added_since
    return parts
