"""A person's own profile page: what they set themselves, and what other floors add to it.

Floors above accounts add a panel to the page (the workplan its calendar address, say) with
`register_profile_panel` from their AppConfig.ready: accounts never imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from accounts.models import Profile


@dataclass(frozen=True)
class ProfilePanel:
    """A section of the profile page: a template and the context it needs."""

    template: str
    context: Callable[[HttpRequest], Mapping[str, object]]
    order: int = 100


_panels: dict[str, ProfilePanel] = {}


def register_profile_panel(
    template: str, context: Callable[[HttpRequest], Mapping[str, object]], order: int = 100
) -> None:
    """Show `template` on the profile page, with `context(request)` (one panel per template)."""
    _panels[template] = ProfilePanel(template, context, order)


def profile_panels() -> list[ProfilePanel]:
    return sorted(_panels.values(), key=lambda panel: (panel.order, panel.template))


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
