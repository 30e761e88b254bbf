"""What a person follows (countries, agencies), and up to when they were told of changes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Follow(models.Model):
    """A person follows one country or one agency: the rows of the matrix in it, or with it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("person"),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("country"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agency"),
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("followed country or agency")
        verbose_name_plural = _("followed countries and agencies")
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=False, agency__isnull=True)
                | Q(country__isnull=True, agency__isnull=False),
                name="follow_one_country_or_agency",
                violation_error_message=_("Follow either a country or an agency."),
            ),
            models.UniqueConstraint(
                fields=["user", "country"],
                condition=Q(country__isnull=False),
                name="follow_country_once",
                violation_error_message=_("You already follow this country."),
            ),
            models.UniqueConstraint(
                fields=["user", "agency"],
                condition=Q(agency__isnull=False),
                name="follow_agency_once",
                violation_error_message=_("You already follow this agency."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.country or self.agency}"


class FollowDigest(models.Model):
    """The changes a person was told of go up to `told_up_to`: the next email starts there."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="follow_digest",
        verbose_name=_("person"),
    )
    told_up_to = models.DateTimeField(_("changes told up to"))

    class Meta:
        verbose_name = _("digest of followed changes")
        verbose_name_plural = _("digests of followed changes")

    def __str__(self) -> str:
        return f"{self.user}: {self.told_up_to:%Y-%m-%d %H:%M}"
