"""The workplan's section of a person's profile page: their calendar address and deadlines.

A receiver of accounts.profile.profile_panels_asked, connected by WorkplanConfig.ready.
"""

from django.http import HttpRequest
from django.urls import reverse

from accounts.profile import ProfilePanel
from workplan.feeds import feed_token


def calendar_panel(sender: object, *, request: HttpRequest, **kwargs: object) -> ProfilePanel:
    token = feed_token(request.user)
    context = {
        "feed_url": request.build_absolute_uri(reverse("workplan:user_calendar", args=[token])),
        "replace_url": reverse("workplan:replace_calendar_feed"),
    }
    return ProfilePanel("workplan/_profile_calendar.html", context, order=50)
