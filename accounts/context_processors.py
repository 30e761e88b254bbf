from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest

from accounts import roles


class HubRole:
    """What the page header needs to know about the user, looked up on first use only.

    It shares accounts.roles' per-request caches, so the round banner and the page
    itself do not ask again: a member costs one query, a partner without agency two.
    """

    def __init__(self, user: AbstractBaseUser | AnonymousUser) -> None:
        self.user = user

    @cached_property
    def is_member(self) -> bool:
        return bool(roles.is_member(self.user))

    @cached_property
    def is_secretariat(self) -> bool:
        return bool(roles.is_secretariat(self.user))

    @cached_property
    def keeps_rows(self) -> bool:
        """Has rows of the matrix to keep: members, and the secretariat for any agency."""
        return bool(roles.keeps_rows(self.user))


def site(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None) or AnonymousUser()
    return {"SPF_PRIVATE_SITE": settings.SPF_PRIVATE_SITE, "hub_role": HubRole(user)}
