from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    """The hub at a glance: front page, world map, dashboard, printable country brief."""

    name = "overview"
    verbose_name = _("Overview")

    def ready(self) -> None:
        # The countries floor asks the matrix who works where and which member agencies
        # lead there; overview answers (see countries/matrix_facts.py).
        from countries.matrix_facts import register_computation, register_presence
        from countries.models import Computation
        from overview.selection import countries_of_agencies, willing_leads_by_country

        register_presence(countries_of_agencies)
        register_computation(Computation.WILLING_LEADS, willing_leads_by_country)
