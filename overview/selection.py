"""Selection criteria that the matrix answers by itself (2012 minutes: "at least 2 member
agencies active and willing to lead"), rather than an assessor typing them.

A member agency counts as active and willing to lead in a country when it leads or co-leads
an activity there that is ongoing or planned.
"""

from dataclasses import dataclass

from django.db.models.functions import Lower

from activities.models import ActivityAgency, ActivityStatus, Role
from countries.models import Country, Rating

LEAD_ROLES = (Role.LEAD, Role.CO_LEAD)
RUNNING = (ActivityStatus.ONGOING, ActivityStatus.PLANNED)
# How many such agencies the criterion asks for.
LEADS_NEEDED = 2


@dataclass(frozen=True)
class WillingLeads:
    acronyms: list[str]

    @property
    def rating(self) -> str:
        if len(self.acronyms) >= LEADS_NEEDED:
            return Rating.MET
        return Rating.PARTLY if self.acronyms else Rating.NOT_MET

    @property
    def rating_label(self) -> str:
        return str(Rating(self.rating).label)


def willing_leads(country: Country) -> WillingLeads:
    """The member agencies leading or co-leading a running activity in the country."""
    acronyms = (
        ActivityAgency.objects.filter(
            activity__country=country,
            activity__status__in=RUNNING,
            role__in=LEAD_ROLES,
            agency__is_member=True,
        )
        .order_by(Lower("agency__acronym"))
        .values_list("agency__acronym", flat=True)
        .distinct()
    )
    return WillingLeads(list(acronyms))
