"""Who may read and record the country assessments (django-rules, autodiscovered).

The rule needs the matrix (a member assesses the countries where their agencies have an
activity), so it lives here, above activities, beside the comparison it guards.
"""

import rules

from accounts.roles import AnyUser, agency_ids, is_member, is_secretariat
from assessments.selection import countries_of_agencies


def assessable_country_ids(user: AnyUser) -> set[int]:
    """Ids of the countries where the user's agencies work (an activity in the matrix),
    cached on the user object for the request (the comparison asks for every country)."""
    cached = getattr(user, "_spf_assessable_countries", None)
    if cached is None:
        mine = agency_ids(user)
        cached = countries_of_agencies(mine) if mine else set()
        user._spf_assessable_countries = cached
    return cached


@rules.predicate
def works_in_country(user: AnyUser, country) -> bool:
    """One of the user's agencies has an activity in the country."""
    return country is not None and country.pk in assessable_country_ids(user)


# Country assessments rank countries, which is politically sensitive: members and the
# secretariat read them (never the public, nor logged-in partners outside the coalition).
rules.add_perm("countries.see_assessments", is_member | is_secretariat)
# A member assesses the countries their agencies work in (they know them); the secretariat
# any country, here and in the admin.
rules.add_perm("countries.assess_country", is_secretariat | (is_member & works_in_country))
