"""Questions about a person that every floor above asks: whom they speak for, what they are.

These are the only facts the hub's rights rest on. Nothing is stored per object per user: a
member's rights follow from the agencies they belong to. The rights themselves are rules
(django-rules) kept with the app they protect, in `<app>/rules.py`, built from these
predicates:

- anonymous: reads the public matrix (no contact details).
- viewer (logged in, no agency): also sees contacts and downloads exports.
- member (speaks for at least one agency): keeps the rows and focal points of their agencies.
- secretariat (group "Secretariat") and superusers: everything.

A page for some people only says so with `rule_required(rule, reason)`; a view asking about
one object calls `request.user.has_perm(rule, obj)` and raises PermissionDenied(reason).

Each answer is cached on the user object, so a page asks the database once per request
however many rows or rules ask again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

import rules
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.functional import Promise

from accounts.models import SECRETARIAT_GROUP, Membership
from agencies.models import Agency, AgencyQuerySet

AnyUser = AbstractBaseUser | AnonymousUser


def agency_ids(user: AnyUser) -> frozenset[int]:
    """Ids of the agencies the user speaks for, cached on the user object per request."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_spf_agency_ids", None)
    if cached is None:
        cached = frozenset(
            Membership.objects.filter(profile__user=user).values_list("agency_id", flat=True)
        )
        user._spf_agency_ids = cached
    return cached


@rules.predicate
def is_secretariat(user: AnyUser) -> bool:
    """In the Secretariat group, or a superuser."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_spf_is_secretariat", None)
    if cached is None:
        cached = user.groups.filter(name=SECRETARIAT_GROUP).exists()
        user._spf_is_secretariat = cached
    return cached


@rules.predicate
def is_member(user: AnyUser) -> bool:
    """Speaks for at least one agency."""
    return bool(agency_ids(user))


def agencies_spoken_for(user: AnyUser) -> AgencyQuerySet:
    """The agencies the user may act for: their own, every one for the secretariat."""
    if is_secretariat(user):
        return Agency.objects.all()
    return Agency.objects.filter(pk__in=agency_ids(user))


# Has rows of the matrix to keep ("My agency's rows", its link in the header): members, and
# the secretariat for any agency. A member costs no query for the groups.
keeps_rows = is_member | is_secretariat


View = Callable[..., HttpResponse]


def rule_required(rule: str, reason: Promise) -> Callable[[View], View]:
    """A view for the people `rule` allows: visitors are sent to log in first, the others
    refused with `reason` (a lazy translation; templates/403.html shows it).

    Asked of the rules alone: user.has_perm would also load Django's model permissions (two
    queries) for a right that only the rules hold.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not rules.has_perm(rule, request.user):
                raise PermissionDenied(reason)
            return view(request, *args, **kwargs)

        return login_required(wrapper)

    return decorator
