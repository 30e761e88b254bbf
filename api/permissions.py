"""Who reads the API: whoever reads the pages.

The rights are the pages' own (the apps' rules.py): everybody reads the public matrix,
contacts need the view_contacts right, and a private site (SPF_PRIVATE_SITE) needs a
logged-in user, here a valid token (or a session).
"""

from django.conf import settings
from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class ReadsThePages(BasePermission):
    def has_permission(self, request: Request, view) -> bool:
        if settings.SPF_PRIVATE_SITE:
            return bool(request.user and request.user.is_authenticated)
        return True


def may_see_contacts(request: Request) -> bool:
    return request.user.has_perm("activities.view_contacts")
