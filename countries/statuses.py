"""A country's status in the coalition's work (candidate, selected, Flagship target...),
which a floor above keeps (decisions): the comparison of assessed countries shows it beside
each country, so that a ranking leads somewhere. Asked through the signal
`country_statuses_asked` (core.signals); with no receiver, no status is shown."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.dispatch import Signal

from core.signals import answers
from countries.models import Country

# Asked with `user` and `country_ids`; each receiver returns {country id: the status in
# words, as that reader may see it}. Receivers: decisions.map_layer.statuses_by_country
# (DecisionsConfig.ready).
country_statuses_asked = Signal()


def statuses_of(user: AbstractBaseUser | AnonymousUser, country_ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for statuses in answers(
        country_statuses_asked, sender=Country, user=user, country_ids=country_ids
    ):
        found.update(statuses)
    return found
