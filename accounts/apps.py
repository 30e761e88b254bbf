from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("People and their rights")

    def ready(self) -> None:
        from accounts import language, signals  # noqa: F401  (registers the receivers)
