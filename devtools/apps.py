from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevtoolsConfig(AppConfig):
    """The top floor: demo data, synthetic data and the benchmark (`load_demo`, `bench`).

    It may import every app; no app imports it."""

    name = "devtools"
    verbose_name = _("Development tools")
