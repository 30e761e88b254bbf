from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest


class EmailBackend(ModelBackend):
    """Log in with an email address (any case) as well as with a username."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs,
    ):
        if not username or password is None or "@" not in username:
            return None
        users = get_user_model()._default_manager.filter(email__iexact=username.strip())
        # Two accounts sharing an address would make the login ambiguous: refuse it.
        if users.count() != 1:
            return None
        user = users.get()
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
