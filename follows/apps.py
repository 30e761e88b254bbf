from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowsConfig(AppConfig):
    """Following countries and agencies: a weekly email of what changed in their rows."""

    name = "follows"
    verbose_name = _("Followed countries and agencies")

    def ready(self) -> None:
        from accounts.profile import profile_panels_asked
        from core.page_actions import page_actions_asked
        from follows.views.follow import page_button, profile_panel

        profile_panels_asked.connect(profile_panel, dispatch_uid="follows.profile_panel")
        # Follow a country or an agency from its own page, where people look for it.
        page_actions_asked.connect(page_button, dispatch_uid="follows.page_button")
