"""The logged-in person's language for every page (accounts.language)."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from accounts.language import language_of, remember, remembered


class PersonLanguageMiddleware:
    """Activate the profile's language for a logged-in person, over the cookie and the
    browser's preference; put it in the language cookie too.

    Put it after the authentication middleware (it needs the user) and after
    LocaleMiddleware (whose choice it overrides).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        logged_in = user is not None and user.is_authenticated
        if logged_in:
            language = remembered(request)
            if language is None:  # a session from before the language was remembered
                language = language_of(user)
                remember(request, language)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        response = self.get_response(request)
        # Read again: the page may have just changed it (the header's switch, the profile).
        language = remembered(request) if logged_in else None
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
