from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplanConfig(AppConfig):
    name = "workplan"
    verbose_name = _("Workplan")

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save

        from accounts.profile import profile_panels_asked
        from workplan.feeds import replace_on_password_change
        from workplan.profile_panel import calendar_panel

        post_save.connect(
            replace_on_password_change,
            sender=get_user_model(),
            dispatch_uid="workplan.replace_feed_on_password_change",
        )
        profile_panels_asked.connect(calendar_panel, dispatch_uid="workplan.calendar_panel")
