"""Whose deadlines are whose: the steps a user or an agency answers for."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet

from accounts.roles import agency_ids
from workplan.models import Deliverable, Step


def steps_with_context() -> QuerySet[Step]:
    return Step.objects.select_related("deliverable__area__workplan").order_by(
        "due_date", "deliverable_id", "pk"
    )


def steps_of_user(user: User | AnonymousUser) -> QuerySet[Step]:
    """Steps of deliverables the user's agencies answer for, or naming them as a contact
    (a focal point with the user's email address)."""
    if not user.is_authenticated:
        return Step.objects.none()
    mine = Q(
        deliverable__in=Deliverable.responsible_agencies.through.objects.filter(
            agency_id__in=agency_ids(user)
        ).values("deliverable_id")
    )
    if user.email:
        mine |= Q(
            deliverable__in=Deliverable.contacts.through.objects.filter(
                focalpoint__email__iexact=user.email
            ).values("deliverable_id")
        )
    return steps_with_context().filter(mine)


def steps_of_agency(agency_id: int) -> QuerySet[Step]:
    links = Deliverable.responsible_agencies.through.objects.filter(agency_id=agency_id)
    return steps_with_context().filter(deliverable__in=links.values("deliverable_id"))
