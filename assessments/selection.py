"""Selection criteria that the matrix answers by itself (2012 minutes: "at least 2 member
agencies active and willing to lead"), rather than an assessor typing them.

A member agency counts as active and willing to lead in a country when it leads or co-leads
an activity there that is ongoing or planned.

Also where an agency works (the countries its members may assess, assessments/rules.py).
These read the matrix, so they sit above it; the models they rate stay in countries.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from activities.models import Activity, ActivityAgency, ActivityStatus, Role
from countries.models import Computation, Country, Rating

LEAD_ROLES = (Role.LEAD, Role.CO_LEAD)
RUNNING = (ActivityStatus.ONGOING, ActivityStatus.PLANNED)
# How many such agencies the criterion asks for.
LEADS_NEEDED = 2


@dataclass(frozen=True)
class ComputedState:
    """A computed criterion's state in one country: a rating (countries.models.Rating) and
    what it rests on, in words."""

    rating: str
    evidence: str


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

    @property
    def evidence(self) -> str:
        """What the rating rests on, in words (the comparison and its download)."""
        if not self.acronyms:
            return _("The matrix: no member agency leads a running activity here.")
        return _("The matrix: member agencies leading a running activity: %(agencies)s.") % {
            "agencies": ", ".join(self.acronyms)
        }


def lead_acronyms(country_ids: Iterable[int]) -> dict[int, list[str]]:
    """Per country, the member agencies leading or co-leading a running activity there, by
    acronym (an empty list for a country with none). One query."""
    country_ids = list(country_ids)
    pairs = (
        ActivityAgency.objects.filter(
            activity__country_id__in=country_ids,
            activity__status__in=RUNNING,
            role__in=LEAD_ROLES,
            agency__is_member=True,
        )
        .order_by("activity__country_id", Lower("agency__acronym"))
        .values_list("activity__country_id", "agency__acronym")
        .distinct()
    )
    acronyms: dict[int, list[str]] = {country_id: [] for country_id in country_ids}
    for country_id, acronym in pairs:
        acronyms[country_id].append(acronym)
    return acronyms


def willing_leads(country: Country) -> WillingLeads:
    """The member agencies leading or co-leading a running activity in the country."""
    return WillingLeads(lead_acronyms([country.pk])[country.pk])


def willing_leads_by_country(countries: Iterable[int]) -> dict[int, ComputedState]:
    """willing_leads for many countries in one query, as the comparison of countries needs
    it."""
    states = {}
    for country_id, found in lead_acronyms(countries).items():
        leads = WillingLeads(found)
        states[country_id] = ComputedState(leads.rating, leads.evidence)
    return states


def countries_of_agencies(agency_ids: frozenset[int]) -> set[int]:
    """Ids of the countries where one of the agencies takes part in an activity."""
    activities = Activity.objects.with_agencies(agency_ids).order_by()
    return set(activities.values_list("country_id", flat=True).distinct())


# Each computed criterion (countries.models.Computation) and what answers it from the matrix.
COMPUTATIONS = {Computation.WILLING_LEADS: willing_leads_by_country}


def computed_states(key: str, country_ids: Iterable[int]) -> dict[int, ComputedState]:
    """The computed criterion `key`'s state in each of the countries (left out: not known)."""
    compute = COMPUTATIONS.get(key)
    return compute(country_ids) if compute is not None else {}
