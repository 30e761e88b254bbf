"""A meeting of the coalition: agenda, participants, minutes; what it decided and the action
points it gave to agencies."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from accounts.roles import AnyUser, is_member, is_secretariat
from decisions.minutes import render_minutes


class MeetingKind(models.TextChoices):
    COALITION = "coalition", _("Coalition meeting")
    BOARD = "board", _("Board meeting")
    PARTNERS = "partners", _("Partners' meeting")
    COUNTRY_TEAM = "country-team", _("Country team meeting")


def content_language_field() -> models.CharField:
    """The language a text was written in (shown as written, not translated)."""
    return models.CharField(_("written in"), max_length=8, choices=settings.LANGUAGES, default="en")


def sees_members_only(user: AnyUser) -> bool:
    """Members-only content is for the coalition's members and the secretariat."""
    return is_member(user) or is_secretariat(user)


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user: AnyUser) -> MeetingQuerySet:
        """Members see every meeting; anyone else those whose minutes are public."""
        return self if sees_members_only(user) else self.filter(minutes_public=True)


class Meeting(models.Model):
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=16, choices=MeetingKind.choices, default=MeetingKind.COALITION
    )
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("country"),
        help_text=_("For a country team meeting."),
    )
    agencies = models.ManyToManyField(
        "agencies.Agency",
        blank=True,
        related_name="meetings",
        verbose_name=_("participating agencies"),
    )
    people = models.ManyToManyField(
        "agencies.FocalPoint",
        blank=True,
        related_name="meetings",
        verbose_name=_("participants"),
        help_text=_("People known to the hub as focal points of an agency."),
    )
    minutes = models.TextField(
        _("minutes"),
        blank=True,
        help_text=_("Markdown: **bold**, *italics*, lists with -, links, headings with #."),
    )
    language = content_language_field()
    minutes_public = models.BooleanField(
        _("minutes are public"),
        default=False,
        help_text=_("Unticked: the meeting and its minutes are for members only."),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords()
    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%d %b %Y})"

    def minutes_html(self) -> str:
        return render_minutes(self.minutes)

    @property
    def where(self) -> str:
        if self.online and self.place:
            return _("%(place)s and online") % {"place": self.place}
        return str(_("Online")) if self.online else self.place


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("meeting")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("item"), max_length=300)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["meeting", "number", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"],
                name="agenda_item_number_unique_in_meeting",
                violation_error_message=_("This meeting already has an agenda item numbered so."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user: AnyUser) -> DecisionQuerySet:
        return self if sees_members_only(user) else self.filter(is_public=True)

    def public(self) -> DecisionQuerySet:
        return self.filter(is_public=True)


class Decision(models.Model):
    """What a meeting decided. A decision may be public while its meeting's minutes are not:
    civil society reads the decision log, not the members' discussion."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("meeting")
    )
    text = models.TextField(_("what was decided"))
    decided_on = models.DateField(_("decided on"))
    decided_by = models.CharField(
        _("decided by"),
        max_length=200,
        blank=True,
        help_text=_('Who took it, as written, e.g. "The coalition members" or "ILO and UNICEF".'),
    )
    country = models.ForeignKey(
        "countries.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
        verbose_name=_("country concerned"),
    )
    language = content_language_field()
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_(
            "Public decisions are in the public decision log and its feed, even when the "
            "meeting's minutes are for members only."
        ),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    history = HistoricalRecords()
    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "-pk"]
        indexes = [models.Index(fields=["is_public", "-decided_on"], name="decision_public_idx")]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:79]}…"

    @property
    def public_on_members_only_meeting(self) -> bool:
        """Allowed, and said where the decision is shown."""
        return self.is_public and not self.meeting.minutes_public


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


class ActionPoint(models.Model):
    """Something a meeting asked an agency (and a person there) to do by a date. It is kept
    as a deliverable with one dated step in the workplan (decisions.actions), so reminders,
    "My deadlines" and the calendar feeds chase it like any other deadline."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="action_points", verbose_name=_("meeting")
    )
    decision = models.ForeignKey(
        Decision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_points",
        verbose_name=_("decision"),
    )
    text = models.CharField(_("action"), max_length=300)
    owner_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="action_points",
        verbose_name=_("owner agency"),
    )
    owner_person = models.ForeignKey(
        "agencies.FocalPoint",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_points",
        verbose_name=_("owner person"),
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    note = models.TextField(_("progress note"), blank=True)
    # The workplan's copy of it (decisions.actions.sync_action_step keeps them in step).
    step = models.OneToOneField(
        "workplan.Step",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="action_point",
        verbose_name=_("workplan step"),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        ordering = ["due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ActionStatus.values),
                name="action_point_status_known",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs) -> None:
        # Every save of an existing row is a new version (core.forms.VersionedModelForm).
        if not self._state.adding:
            self.version += 1
        super().save(*args, **kwargs)

    def clean(self) -> None:
        person = self.owner_person
        if person is not None and self.owner_agency_id and person.agency_id != self.owner_agency_id:
            raise ValidationError(
                {
                    "owner_person": _(
                        "%(person)s is a focal point of %(agency)s, not of the owner agency."
                    )
                    % {"person": person.name, "agency": person.agency.acronym}
                }
            )

    @property
    def is_overdue(self) -> bool:
        from django.utils import timezone

        return self.status == ActionStatus.OPEN and self.due_date < timezone.localdate()
