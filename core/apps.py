from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom floor: helpers every app may use; it imports no app of the project."""

    name = "core"
    verbose_name = _("Shared helpers")
