"""Small helpers of the accounts tests: invite someone, find the link in an email."""

import re

from django.conf import settings
from django.core import mail
from django.urls import reverse

LINK = re.compile(r"https?://\S+?(/accounts/[\w/-]+/)")
INVITE_URL = "admin:auth_user_invite"


def link_path(message: mail.EmailMessage) -> str:
    """The path of the one link in a plain-text email, ready for the test client."""
    match = LINK.search(message.body)
    assert match, message.body
    assert match.group(0).startswith(settings.SITE_URL)
    return match.group(1)


def invite(client, email: str = "Ana.Gomez@Example.org", **fields) -> object:
    """POST the admin's invite form as the logged-in `client`."""
    data = {
        "email": email,
        "first_name": "Ana",
        "last_name": "Gómez",
        "language": "en",
        **fields,
    }
    return client.post(reverse(INVITE_URL), data)


def html_body(message: mail.EmailMultiAlternatives) -> str:
    return next(content for content, kind in message.alternatives if kind == "text/html")
