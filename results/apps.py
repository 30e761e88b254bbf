from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "results"
    verbose_name = _("Results")

    def ready(self) -> None:
        from countries.page_sections import country_sections_asked
        from results.country_page import country_section

        # The floors below ask; these answer (core.signals).
        country_sections_asked.connect(country_section, dispatch_uid="results.country_section")
