from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverviewConfig(AppConfig):
    """The hub at a glance: front page, world map, dashboard, printable country brief."""

    name = "overview"
    verbose_name = _("Overview")
