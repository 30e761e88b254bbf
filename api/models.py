"""API tokens, kept as digests: the hub never stores a key it could show or leak again.

A key is 40 random characters shown once, when it is made (api/views/token.py); the
database keeps its SHA-256 (a key is random, so a fast digest is as good as a slow hash) and
its first characters, for the person to recognise it. Programs send it as before:
`Authorization: Token <key>` (api.tokens.HashedTokenAuthentication).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="api_token",
        verbose_name=_("person"),
    )
    digest = models.CharField(_("digest"), max_length=64, unique=True)
    prefix = models.CharField(_("first characters"), max_length=8)
    created = models.DateTimeField(_("made on"), auto_now_add=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}…"
