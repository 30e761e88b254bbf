"""Logging in: which account a typed login names, and the one password check.

A login is a username as typed or an email address in any case: both name one account, and
the failed-login throttle (accounts/throttle.py) counts both under that account.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.http import HttpRequest


def account_for(login: str) -> AbstractBaseUser | None:
    """The account a login names: its username exactly as typed, else its email in any case.

    Two accounts sharing an email address would make an email login ambiguous: it names none.
    """
    login = login.strip()
    if not login:
        return None
    users = get_user_model()._default_manager
    by_username = users.filter(username=login).first()
    if by_username is not None or "@" not in login:
        return by_username
    by_email = list(users.filter(email__iexact=login)[:2])
    return by_email[0] if len(by_email) == 1 else None


class LoginBackend(ModelBackend):
    """The hub's only password check (settings.AUTHENTICATION_BACKENDS lists no other).

    One backend, one hash: an unknown login runs the password hasher once too, so a wrong
    password takes as long whether the account exists or not, and the login page cannot be
    used to find out who has an account. (Two backends each checking the password, as Django's
    ModelBackend beside an email backend, took twice as long for an existing account.)
    Model permissions come from ModelBackend, as before.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> AbstractBaseUser | None:
        if username is None or password is None:
            return None
        user = account_for(username)
        if user is None:
            get_user_model()().set_password(password)  # the same work as a real check
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
