from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowsConfig(AppConfig):
    """Following countries and agencies: a weekly email of what changed in their rows."""

    name = "follows"
    verbose_name = _("Followed countries and agencies")

    def ready(self) -> None:
        from accounts.profile import register_profile_panel
        from follows.views.follow import profile_panel

        register_profile_panel("follows/_profile_follows.html", profile_panel, order=60)
