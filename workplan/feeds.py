"""A person's calendar feed address: made on first use, replaced on demand and when the
password changes (WorkplanConfig.ready connects `replace_on_password_change`)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, User

from workplan.models import CalendarFeed, new_feed_token


def feed_token(user: AbstractBaseUser) -> str:
    """The token of the user's feed address, made on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed.token


def replace_feed(user: AbstractBaseUser) -> str:
    """A new address for the user's feed; the old one answers 404 from now on."""
    feed, _created = CalendarFeed.objects.update_or_create(
        user=user, defaults={"token": new_feed_token()}
    )
    return feed.token


def owner_of(token: str) -> User | None:
    """The active user whose feed address carries `token`, if any."""
    feed = CalendarFeed.objects.filter(token=token, user__is_active=True).select_related("user")
    found = feed.first()
    return found.user if found else None


def replace_on_password_change(sender: type, instance: User, created: bool, **kwargs) -> None:
    """After a save that changed the password (set_password, not a hash upgrade on login:
    Django marks only the former in `_password`), the feed address changes too: whoever
    holds the old one along with the old password loses both."""
    if not created and getattr(instance, "_password", None) is not None:
        CalendarFeed.objects.filter(user=instance).update(token=new_feed_token())
