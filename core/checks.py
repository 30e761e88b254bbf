"""The hub's own system checks (`manage.py check --deploy`, run by `make test`).

spf.E001: outside debug, SITE_URL must come from the environment. Unset, every link in an
email (invitations, password resets, reminders) would start with the development default
http://127.0.0.1:8000, silently.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def site_url_is_set(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    if settings.DEBUG or getattr(settings, "SITE_URL_FROM_ENVIRONMENT", False):
        return []
    return [
        Error(
            "SITE_URL is not set: every link in the hub's emails would point to "
            f"{settings.SITE_URL}.",
            hint="Set SITE_URL to the address people reach the hub at, e.g. "
            "https://hub.example.org.",
            id="spf.E001",
        )
    ]
