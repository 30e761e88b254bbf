"""Inviting people: the account, its profile and memberships, and the one-time link.

The link is Django's password-reset token: it is tied to the password hash and the last
login, so it dies as soon as the person sets a password (or logs in), and after
settings.PASSWORD_RESET_TIMEOUT. Nothing about invitations is stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.auth.tokens import default_token_generator
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from accounts.language import language_of
from accounts.models import SECRETARIAT_GROUP, Membership, Profile
from core import emails


class AlreadyHasAccount(Exception):
    """The email address belongs to an existing person: no second account is made."""

    def __init__(self, user: User) -> None:
        super().__init__(user.email)
        self.user = user


@dataclass(frozen=True)
class Invitee:
    email: str
    first_name: str
    last_name: str = ""
    language: str = "en"
    agencies: tuple[models.Model, ...] = ()  # agencies.Agency (a floor above accounts)
    secretariat: bool = False


def normalize_email(email: str) -> str:
    return email.strip().lower()


def existing_account(email: str) -> User | None:
    """The person who already uses this address, as email or as username (any case)."""
    email = normalize_email(email)
    by_email = User.objects.filter(email__iexact=email).first()
    return by_email or User.objects.filter(username__iexact=email).first()


def invitation_url(user: User) -> str:
    """The absolute one-time link that lets `user` set a password."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("accept_invitation", args=[uidb64, token])
    return f"{settings.SITE_URL}{path}"


def user_for_link(uidb64: str, token: str) -> User | None:
    """The person a link was made for, or None if it is malformed, used or expired.

    A deactivated account gets None too: the link must not bring it back.
    """
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


def send_invitation(user: User, invited_by: User | None = None) -> None:
    """Email `user` their link, in the language of their profile."""
    language = language_of(user)
    context = {
        "user": user,
        "name": user.get_full_name() or user.email,
        "invited_by": invited_by.get_full_name() if invited_by else "",
        "agencies": list(user.profile.agencies.order_by("acronym")),
        "link": invitation_url(user),
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        # emails/base.html sets <html lang> from this; no request, so no context processor.
        "LANGUAGE_CODE": language,
    }
    emails.send(
        "invitation",
        to=user.email,
        context=context,
        language=language,
        headers={"Content-Language": language},
    )


@transaction.atomic
def invite(invitee: Invitee, invited_by: User | None = None) -> User:
    """Create the person's account and send the invitation, all or nothing.

    The email is sent inside the transaction: if the mail server refuses it, no account is
    left behind without its link, and the secretariat can simply try again.
    """
    email = normalize_email(invitee.email)
    found = existing_account(email)
    if found is not None:
        raise AlreadyHasAccount(found)
    try:
        # A savepoint, so that losing a race to a twin request leaves a usable transaction.
        with transaction.atomic():
            user = User(
                username=email,
                email=email,
                first_name=invitee.first_name.strip(),
                last_name=invitee.last_name.strip(),
                is_staff=invitee.secretariat,
            )
            user.set_unusable_password()
            user.save()
    except IntegrityError:
        raise AlreadyHasAccount(User.objects.get(username=email)) from None
    # The post_save signal made the profile.
    profile = Profile.objects.get(user=user)
    profile.language = invitee.language
    profile.save(update_fields=["language"])
    Membership.objects.bulk_create(
        [Membership(profile=profile, agency=agency) for agency in invitee.agencies]
    )
    if invitee.secretariat:
        group, _created = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
        user.groups.add(group)
    user.profile = profile
    send_invitation(user, invited_by)
    return user


def can_resend(user: User) -> bool:
    """Only people who never logged in are still waiting for their invitation."""
    return user.is_active and user.last_login is None and bool(user.email)


def resend_invitations(users: Iterable[User], invited_by: User | None = None) -> list[User]:
    """Send a fresh link to each person still waiting; returns those who got one.

    Someone who never set a password gets a new random unusable one first, which
    kills the links sent before: only the latest email works.
    """
    sent = []
    for user in users:
        if not can_resend(user):
            continue
        if not user.has_usable_password():
            user.set_unusable_password()
            user.save(update_fields=["password"])
        send_invitation(user, invited_by)
        sent.append(user)
    return sent


def describe(user: User) -> str:
    """How a person is named in messages to the secretariat."""
    name = user.get_full_name()
    return f"{name} <{user.email}>" if name else user.email
