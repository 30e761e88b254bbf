from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    """The claim-then-send reminder engine, above the apps whose deadlines it reminds about
    (workplan steps, update rounds): its log points down at both."""

    name = "reminders"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from accounts.grants import grant_app_to_secretariat

        post_migrate.connect(
            grant_app_to_secretariat, sender=self, dispatch_uid="reminders_secretariat"
        )
