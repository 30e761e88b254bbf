"""An update round's deadline, for each agency asked, in "My deadlines" and the calendar feeds
(receivers of workplan.other_deadlines' signals, connected by RoundsConfig.ready) and on the
secretariat's page of deadlines (reminders.coalition_deadlines)."""

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
    )


def of_user(sender: object, *, user: AbstractBaseUser | AnonymousUser, **kwargs) -> list[Deadline]:
    """The open rounds' parts asked of the person's agencies."""
    mine = agency_ids(user)
    if not mine:
        return []
    return [as_deadline(part) for part in open_parts().filter(agency_id__in=mine)]


def of_agency(sender: object, *, agency_id: int, **kwargs) -> list[Deadline]:
    return [as_deadline(part) for part in open_parts().filter(agency_id=agency_id)]
