"""Making API tokens and reading them back from a request's header (see api.models)."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from api.models import ApiToken

KEY_BYTES = 20  # 40 hexadecimal characters, as DRF's own tokens
PREFIX_LENGTH = 6


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def issue(user: Any) -> str:
    """A new key for `user`, replacing any earlier one (which stops working): the only time
    the key exists outside the person's hands."""
    key = secrets.token_hex(KEY_BYTES)
    with transaction.atomic():
        ApiToken.objects.filter(user=user).delete()
        ApiToken.objects.create(user=user, digest=digest(key), prefix=key[:PREFIX_LENGTH])
    return key


class HashedTokenAuthentication(TokenAuthentication):
    """DRF's `Authorization: Token <key>`, the key looked up by its digest."""

    model = ApiToken

    def authenticate_credentials(self, key: str) -> tuple[Any, ApiToken]:
        found = ApiToken.objects.select_related("user").filter(digest=digest(key)).first()
        if found is None or not found.user.is_active:
            raise exceptions.AuthenticationFailed(_("Invalid token."))
        return found.user, found
