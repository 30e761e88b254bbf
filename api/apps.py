from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("API and open data")

    def ready(self) -> None:
        # Registers the schema extension (drf-spectacular finds extensions by import).
        from api import schema_filters  # noqa: F401
