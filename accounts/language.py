"""The person's language: chosen on their profile, it is the language of every page they see
once logged in, of the emails the hub sends them and of the files they download.

Before logging in, a visitor gets the language their browser asks for (Django's
LocaleMiddleware reads Accept-Language), or the one they picked in the header. At login the
profile's language is remembered in the session, so pages cost no query to find it;
`PersonLanguageMiddleware` activates it on each request and keeps the language cookie in
step, so the pages after logging out stay in the person's language.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from accounts.models import Profile

SESSION_KEY = "spf_language"


def supported(code: str | None) -> str | None:
    """`code` if the hub speaks it ("fr"), else None."""
    return code if code in dict(settings.LANGUAGES) else None


def spoken(code: str | None) -> str:
    """`code` if the hub speaks it, else English: the check every person's language passes
    (for a language read with the person's other settings, as the reminders read theirs)."""
    return supported(code) or settings.LANGUAGE_CODE


def language_of(user: AbstractBaseUser | AnonymousUser) -> str:
    """The language of the person's profile, if the hub speaks it; English otherwise (no
    profile, a language since dropped from settings.LANGUAGES, an anonymous visitor).

    The one rule for pages, emails and downloads. A profile already loaded with the person
    (the emails select it with their recipients) is read as it is, without a query.
    """
    if not user.is_authenticated:
        return settings.LANGUAGE_CODE
    profile_link = Profile._meta.get_field("user").remote_field
    if profile_link.is_cached(user):
        found = getattr(profile_link.get_cached_value(user), "language", None)
    else:
        found = Profile.objects.filter(user=user).values_list("language", flat=True).first()
    return spoken(found)


def remember(request: HttpRequest, language: str) -> None:
    """Use `language` for the rest of this person's session."""
    if hasattr(request, "session"):
        request.session[SESSION_KEY] = language


def remembered(request: HttpRequest) -> str | None:
    """The language the session holds for the logged-in person, if any."""
    session = getattr(request, "session", None)
    return supported(session.get(SESSION_KEY)) if session is not None else None


def set_language(user: AbstractBaseUser, language: str) -> None:
    """Write the person's choice on their profile (the header's switch, the profile page)."""
    Profile.objects.update_or_create(user=user, defaults={"language": language})


@receiver(user_logged_in, dispatch_uid="accounts.remember_language")
def remember_on_login(sender: type, request: HttpRequest | None, user: AbstractBaseUser, **kwargs):
    if request is not None:
        remember(request, language_of(user))
