"""Failed logins, counted by django-axes per account and per address.

- Per account, from every address: five wrong passwords pause the account, wherever they
  come from. Its username and its email (any case) are one account: `login_key` maps both to
  one key (settings.AXES_USERNAME_CALLABLE).
- Per address, for every account: many wrong passwords from one address pause that address
  (one guesser trying many accounts). Offices share an address, so its limit is higher
  (settings.SPF_LOGIN_ADDRESS_FAILURE_LIMIT).
- The address is the client's, read behind settings.SPF_TRUSTED_PROXIES proxies
  (`client_address`, settings.AXES_CLIENT_IP_CALLABLE), not the proxy's own.
- A person paused by wrong passwords on their account sets a new password by email: that
  clears the account's count at once (`forget_failures`). A successful login clears it too,
  but not the count of its address, which an attacker with an account of their own could
  otherwise wipe between guesses at others.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Sum
from django.http import HttpRequest

from accounts.backends import account_for

# django-axes stores the key in a 255-character column: a longer login typed by hand would
# fail the insert (a 500) instead of counting as the failure it is.
KEY_LENGTH = 255


def account_key(user: AbstractBaseUser) -> str:
    """The key an account's failures are counted under."""
    return user.get_username().lower()[:KEY_LENGTH]


def login_key(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    """The key of the account a typed login names, or the login itself, trimmed and
    lowercased, when it names none (so unknown logins are paused just the same and the pause
    tells nothing about who has an account).

    "ana", "Ana.Gomez@x.org" and "ana.gomez@X.ORG" for the user "ana" are one key: counted
    apart, they would give a guesser five tries per spelling instead of five in all. Cached
    per request: django-axes asks several times per login.
    """
    if credentials and credentials.get("username") is not None:
        login = str(credentials["username"])
    else:
        login = str(getattr(request, "POST", {}).get("username", "") or "")
    cache: dict[str, str] = getattr(request, "_spf_login_keys", None) or {}
    if login not in cache:
        user = account_for(login)
        cache[login] = account_key(user) if user else login.strip().lower()[:KEY_LENGTH]
        if request is not None:
            request._spf_login_keys = cache
    return cache[login]


def client_address(request: HttpRequest) -> str | None:
    """The address of the person logging in (settings.AXES_CLIENT_IP_CALLABLE).

    Each trusted proxy appends the address it received the request from to X-Forwarded-For,
    so behind N of them the N-th entry from the right is the client as the outermost proxy
    saw it; entries further left are whatever the client sent, and are never believed. A
    request that did not pass all N (too few entries), or an entry that is no address, falls
    back to the connection's own address.
    """
    remote = request.META.get("REMOTE_ADDR")
    trusted = settings.SPF_TRUSTED_PROXIES
    if trusted <= 0:
        return remote
    entries = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    entries = [entry for entry in entries if entry]
    if len(entries) < trusted:
        return remote
    try:
        return str(ipaddress.ip_address(entries[-trusted]))
    except ValueError:
        return remote


def forget_failures(user: AbstractBaseUser) -> None:
    """Lift the pause on an account (its owner proved who they are, by email or by logging
    in). The failures counted against addresses stay."""
    AccessAttempt.objects.filter(username=account_key(user)).delete()


class AccountAndAddressHandler(AxesDatabaseHandler):
    """django-axes' database handler with a limit per account and a higher one per address.

    settings.AXES_LOCKOUT_PARAMETERS is ["username", "ip_address"]: axes counts the failures
    of the account and those of the address, and compares the larger with its one limit
    (AXES_FAILURE_LIMIT). Here the address's count is scaled first, so that it reaches that
    limit at SPF_LOGIN_ADDRESS_FAILURE_LIMIT failures.
    """

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        by_account, by_address = (
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        limit = get_failure_limit(request, credentials)
        # floor(by_address * limit / address_limit) reaches limit exactly when by_address
        # reaches address_limit.
        address_share = by_address * limit // settings.SPF_LOGIN_ADDRESS_FAILURE_LIMIT
        # The pause page says which count stopped the login.
        request.spf_paused_address = by_account < limit <= address_share
        return max(by_account, address_share)

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """After a successful login (AXES_RESET_ON_SUCCESS): the account's failures only."""
        count, _ = AccessAttempt.objects.filter(username=login_key(request, credentials)).delete()
        return count
