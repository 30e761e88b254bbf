"""What changed, in a time window, in the rows of the matrix a person follows: new rows, edits,
rows closed (completed) or deleted, each with who and when, read from the activities'
history (django-simple-history)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from activities.models import Activity, ActivityAgency, ActivityStatus
from follows.models import Follow

# A digest names this many changes at most, the latest first (the history page has them all).
MAX_CHANGES = 100


# Translated when the digest is written, in its reader's language (not the sender's).
KIND_LABELS = {
    "new": _("new"),
    "edited": _("edited"),
    "closed": _("closed"),
    "deleted": _("deleted"),
}


@dataclass(frozen=True)
class Change:
    kind: str  # "new", "edited", "closed", "deleted"
    reference: str
    title: str
    country_id: int
    who: str  # lazy: "someone (no user recorded)" in the reader's language
    when: datetime.datetime

    @property
    def label(self) -> str:
        """The kind in the active language (the reader's, while their email is written)."""
        return str(KIND_LABELS[self.kind])


def followed(user: AbstractBaseUser) -> tuple[set[int], set[int]]:
    """(country ids, agency ids) the person follows."""
    countries, agencies = set(), set()
    for country_id, agency_id in Follow.objects.filter(user=user).values_list(
        "country_id", "agency_id"
    ):
        if country_id:
            countries.add(country_id)
        if agency_id:
            agencies.add(agency_id)
    return countries, agencies


def _who(record) -> str:
    user = record.history_user
    if user is None:
        return _("someone (no user recorded)")
    return user.get_full_name() or user.get_username()


def changes_for(
    user: AbstractBaseUser, since: datetime.datetime, until: datetime.datetime
) -> list[Change]:
    """The changes after `since` up to `until` in the rows of the countries and agencies the
    person follows (an agency's rows: those it takes part in now, or joined or left in the
    window), latest first."""
    countries, agencies = followed(user)
    if not countries and not agencies:
        return []
    window = Q(history_date__gt=since, history_date__lte=until)
    activity_ids = set()
    if agencies:
        activity_ids |= set(
            ActivityAgency.objects.filter(agency_id__in=agencies).values_list(
                "activity_id", flat=True
            )
        )
        activity_ids |= set(
            ActivityAgency.history.filter(window, agency_id__in=agencies).values_list(
                "activity_id", flat=True
            )
        )
    mine = Q(country_id__in=countries) | Q(id__in=activity_ids)
    records = list(
        Activity.history.filter(window & mine)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:MAX_CHANGES]
    )
    before = _status_before(records)
    found = []
    for record in records:
        kind = _kind(record, before)
        found.append(
            Change(
                kind=kind,
                reference=record.reference,
                title=record.title,
                country_id=record.country_id,
                who=_who(record),
                when=record.history_date,
            )
        )
    return found


def _status_before(records: list) -> dict[int, str]:
    """Each record's activity status just before it (by history id), in one query."""
    ids = {record.id for record in records}
    if not ids:
        return {}
    earliest = min(record.history_date for record in records)
    history = Activity.history.filter(id__in=ids, history_date__lt=earliest)
    # The state before the earliest record, then each record's own state, oldest first.
    previous: dict[int, str] = {}
    for record in history.order_by("history_date", "history_id").only("id", "status"):
        previous[record.id] = record.status
    before: dict[int, str] = {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        before[record.history_id] = previous.get(record.id, "")
        previous[record.id] = record.status
    return before


def _kind(record, before: dict[int, str]) -> str:
    if record.history_type == "+":
        return "new"
    if record.history_type == "-":
        return "deleted"
    was = before.get(record.history_id, "")
    if record.status == ActivityStatus.COMPLETED and was != ActivityStatus.COMPLETED:
        return "closed"
    return "edited"
