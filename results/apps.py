from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = _("Results")

    def ready(self) -> None:
        # Results sit above activities: they add their panel to an activity's page through
        # its seam, and activities never imports results (see the README's floors).
        from activities import signals
        from core import page_actions
        from results import page_action, panels

        signals.activity_panels_asked.connect(
            panels.results_panel, dispatch_uid="results.results_panel"
        )
        page_actions.page_actions_asked.connect(
            page_action.country_entry_button, dispatch_uid="results.country_entry_button"
        )
