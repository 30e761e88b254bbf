"""Password reset by email, without telling who has an account and without losing the email.

The request only checks the form and the asking address's limit, then queues one task for
the typed address, known or not (accounts.tasks.queue_password_reset): the answer costs the
same whatever the address, and a slow or absent mail server is the task's business. The
task looks the address up, sends each account's link through the hub's email helper in the
person's language, and retries the ones the mail server refused (an outage loses no email).

Two limits, counted in the cache (shared by every instance when it is Redis):
- per address asking (the client's, as the login throttle reads it): many requests from one
  place are refused with a 429, whatever the email typed;
- per account: at most a few emails an hour reach one person, however many times someone
  types their address (the others are dropped silently, as an unknown address is).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.language import language_of
from core import emails

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 3600


def within_limit(key: str, limit: int) -> bool:
    """Count one more under `key` for the hour; False once past `limit`."""
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= limit


def address_may_ask(address: str | None) -> bool:
    return within_limit(
        f"spf:password-reset:address:{address or 'unknown'}",
        settings.SPF_PASSWORD_RESET_ADDRESS_LIMIT,
    )


def account_may_receive(user: User) -> bool:
    return within_limit(
        f"spf:password-reset:account:{user.pk}", settings.SPF_PASSWORD_RESET_ACCOUNT_LIMIT
    )


def accounts_for(email: str) -> list[User]:
    """The active accounts of an address, any case. Unlike Django, also people who never set
    a password: in the hub that is an invitation not yet accepted, and a reset link serves
    them just as well."""
    return [
        user
        for user in User._default_manager.filter(email__iexact=email, is_active=True)
        if user.email.casefold() == email.casefold()
    ]


def send_links(email: str, only: list[int] | None = None) -> list[int]:
    """Email a reset link to each account of `email` (on a retry, only the ids in `only`,
    which the per-account limit already let through). Returns the ids the mail server
    refused, for the task to try again."""
    failed = []
    for user in accounts_for(email):
        if only is not None and user.pk not in only:
            continue
        if only is None and not account_may_receive(user):
            logger.warning("Password reset for user %s dropped: over the hourly limit", user.pk)
            continue
        try:
            send_link(user)
        except Exception:
            logger.exception("Password reset email to user %s failed; will retry", user.pk)
            failed.append(user.pk)
    return failed


def send_link(user: User) -> None:
    language = language_of(user)
    # The link starts with SITE_URL, never with the Host header of a request.
    path = reverse(
        "password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    emails.send(
        "password_reset",
        to=user.email,
        context={
            "user": user,
            "name": user.get_full_name() or user.email,
            "link": f"{settings.SITE_URL}{path}",
            "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
            "LANGUAGE_CODE": language,
        },
        language=language,
        headers={"Content-Language": language},
    )
