"""An update round's deadline, for each agency asked, in "My deadlines", the calendar feeds
and the secretariat's page of deadlines: a source of workplan.other_deadlines, registered by
RoundsConfig.ready."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import agency_ids
from rounds.models import RoundAgency
from workplan.other_deadlines import Deadline


def open_parts() -> QuerySet[RoundAgency]:
    return RoundAgency.objects.filter(round__closed_at__isnull=True).select_related(
        "round", "agency"
    )


def as_deadline(part: RoundAgency) -> Deadline:
    return Deadline(
        uid=f"round-part-{part.pk}",
        title=_("Update round “%(title)s”: confirm %(agency)s's rows")
        % {"title": part.round.title, "agency": part.agency.acronym},
        due_date=part.round.deadline,
        part_of=part.agency.acronym,
        path=reverse("rounds:checklist", kwargs={"part_id": part.pk}),
        done_on=timezone.localtime(part.submitted_at).date() if part.submitted_at else None,
        group=_("Update round “%(title)s”") % {"title": part.round.title},
        agency_ids=(part.agency_id,),
        reminder_target=("round_part_id", part.pk),
    )


def of_user(user: AbstractBaseUser | AnonymousUser) -> list[Deadline]:
    """The open rounds' parts asked of the person's agencies."""
    mine = agency_ids(user)
    if not mine:
        return []
    return [as_deadline(part) for part in open_parts().filter(agency_id__in=mine)]


def of_agency(agency_id: int) -> list[Deadline]:
    return [as_deadline(part) for part in open_parts().filter(agency_id=agency_id)]


def still_open() -> list[Deadline]:
    """Parts of open rounds not submitted yet, across the coalition."""
    return [as_deadline(part) for part in open_parts().filter(submitted_at__isnull=True)]
