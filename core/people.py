"""Who did something to a record (submitted it, reviewed it, locked it): a person kept by
name on the record, never a reason to keep the account, and no reverse accessor on users
(the hub never asks "everything this person reviewed" through the user)."""

from django.conf import settings
from django.db import models


def done_by(verbose_name: str) -> models.ForeignKey:
    """A nullable link to the person who did it; the record stays when the account goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose_name,
    )
