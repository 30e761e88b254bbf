from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "funding"
    verbose_name = _("Funding")

    def ready(self) -> None:
        from accounts.grants import grant_app_to_secretariat

        post_migrate.connect(
            grant_app_to_secretariat, sender=self, dispatch_uid="funding_secretariat"
        )
