from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CataloguesConfig(AppConfig):
    name = "catalogues"
    verbose_name = _("Catalogues: tools, data, processes, outreach")

    def ready(self) -> None:
        from accounts.grants import grant_app_to_secretariat

        post_migrate.connect(
            grant_app_to_secretariat, sender=self, dispatch_uid="catalogues_secretariat"
        )
