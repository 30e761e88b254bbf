"""The key django-axes counts failed logins under (settings.AXES_USERNAME_CALLABLE)."""

from typing import Any

from django.http import HttpRequest


def login_key(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    """The login as typed, trimmed and lowercased.

    Email logins ignore case, so "Ana@x.org" and "ana@x.org" are one account: counted
    apart, they would give a guesser five tries per spelling instead of five in all.
    """
    if credentials and credentials.get("username") is not None:
        login = credentials["username"]
    else:
        login = getattr(request, "POST", {}).get("username", "")
    return str(login or "").strip().lower()
