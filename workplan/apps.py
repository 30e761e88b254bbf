from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplanConfig(AppConfig):
    name = "workplan"
    verbose_name = _("Workplan")

    def ready(self) -> None:
        # Update rounds are the second reminder source. Registered here, not in
        # workplan.reminders itself: their module builds on that one (a circular import).
        from workplan import reminders, round_reminders

        if round_reminders.round_reminders not in reminders.SOURCES:
            reminders.SOURCES.append(round_reminders.round_reminders)
