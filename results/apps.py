from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = _("Results")

    def ready(self) -> None:
        # Results sit above activities: they add their panel to an activity's page through
        # its seam, and activities never imports results (see the README's floors).
        from activities import signals
        from results import panels

        signals.activity_panels_asked.connect(
            panels.results_panel, dispatch_uid="results.results_panel"
        )
