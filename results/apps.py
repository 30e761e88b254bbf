from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = _("Results")

    def ready(self) -> None:
        # Results sit above activities and countries: they add their panel to an activity's
        # page and their section to a country's page through those floors' seams, and
        # neither imports results (see the README's floors).
        from activities import signals
        from core import page_actions
        from countries.page_sections import country_sections_asked
        from results import page_action, panels
        from results.country_page import country_section

        signals.activity_panels_asked.connect(
            panels.results_panel, dispatch_uid="results.results_panel"
        )
        country_sections_asked.connect(country_section, dispatch_uid="results.country_section")
        page_actions.page_actions_asked.connect(
            page_action.country_entry_button, dispatch_uid="results.country_entry_button"
        )
