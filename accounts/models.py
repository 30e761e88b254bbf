from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency

# Members of this group are the ILO secretariat: they manage everything, in the admin and
# in the front-end. Created by a migration; the admin assigns people to it.
SECRETARIAT_GROUP = "Secretariat"


class Profile(models.Model):
    """What the hub knows about a person beyond Django's user: agencies, language, emails."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    agencies = models.ManyToManyField(
        Agency,
        through="Membership",
        blank=True,
        related_name="profiles",
        verbose_name=_("agencies"),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("Language of the emails the hub sends this person."),
    )
    receives_digest = models.BooleanField(
        _("one digest email for several reminders"),
        default=True,
        help_text=_("Off: one email per reminder."),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)


class Membership(models.Model):
    """A person speaks for an agency: keeps its rows of the matrix and its focal points."""

    profile = models.ForeignKey(
        Profile, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("person")
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("agency"),
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("agency membership")
        verbose_name_plural = _("agency memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "agency"],
                name="membership_once_per_agency",
                violation_error_message=_("This person is already a member of this agency."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.profile} ({self.agency})"
