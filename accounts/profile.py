"""A person's own profile page: what they set themselves, and what other floors add to it.

Floors above accounts add a panel to the page (the workplan its calendar address, say) by
answering the signal `profile_panels_asked` (core.signals): accounts never imports them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import User
from django.dispatch import Signal
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.models import Profile
from core.signals import answers


@dataclass(frozen=True)
class ProfilePanel:
    """A section of the profile page: a template and what it shows (its `panel`)."""

    template: str
    context: Mapping[str, object]
    order: int = 100


# Asked with `request` when a person opens their profile page; each receiver returns a
# ProfilePanel (or None). Receivers: workplan.profile_panel.calendar_panel (the calendar
# address, WorkplanConfig.ready) and follows.views.follow.profile_panel (what the person
# follows, FollowsConfig.ready).
profile_panels_asked = Signal()


def profile_panels(request: HttpRequest) -> list[ProfilePanel]:
    """The panels the floors above add to the person's profile page, in their order."""
    found = answers(profile_panels_asked, sender=ProfilePanel, request=request)
    return sorted(found, key=lambda panel: (panel.order, panel.template))


class ProfileForm(forms.ModelForm):
    """What a person changes about themselves: name, language, how reminders come."""

    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        help_text=_("The hub's pages, its emails and your downloads come in this language."),
    )

    class Meta:
        model = Profile
        fields = ["first_name", "last_name", "language", "receives_digest"]

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.fields["receives_digest"].label = _("Reminders in one digest email")
        self.fields["receives_digest"].help_text = _(
            "Ticked: one email gathers the reminders due the same day. Unticked: one email "
            "per reminder."
        )

    def save(self, commit: bool = True) -> Profile:
        self.user.first_name = self.cleaned_data["first_name"].strip()
        self.user.last_name = self.cleaned_data["last_name"].strip()
        self.user.save(update_fields=["first_name", "last_name"])
        return super().save(commit)
