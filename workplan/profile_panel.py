"""The workplan's section of a person's profile page: their calendar address and deadlines.

Registered by WorkplanConfig.ready with accounts.profile.register_profile_panel.
"""

from django.http import HttpRequest
from django.urls import reverse

from workplan.feeds import feed_token


def calendar_panel(request: HttpRequest) -> dict[str, object]:
    token = feed_token(request.user)
    return {
        "feed_url": request.build_absolute_uri(reverse("workplan:user_calendar", args=[token])),
        "replace_url": reverse("workplan:replace_calendar_feed"),
    }
