from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowsConfig(AppConfig):
    """Following countries and agencies: a weekly email of what changed in their rows."""

    name = "follows"
    verbose_name = _("Followed countries and agencies")

    def ready(self) -> None:
        from accounts.profile import profile_panels_asked
        from follows.views.follow import profile_panel

        profile_panels_asked.connect(profile_panel, dispatch_uid="follows.profile_panel")
