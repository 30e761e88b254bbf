from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowsConfig(AppConfig):
    """Following countries and agencies: a weekly email of what changed in their rows."""

    name = "follows"
    verbose_name = _("Followed countries and agencies")

    def ready(self) -> None:
        from accounts.profile import register_profile_panel
        from core.page_actions import register_page_action
        from follows.views.follow import page_button, profile_panel

        register_profile_panel("follows/_profile_follows.html", profile_panel, order=60)
        # Follow a country or an agency from its own page, where people look for it.
        register_page_action("country", "follows/_follow_button.html", page_button)
        register_page_action("agency", "follows/_follow_button.html", page_button)
