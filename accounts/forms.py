"""Forms of the accounts app: login, invitation, profile in the admin, password reset."""

from __future__ import annotations

import logging
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _

from accounts import invitations, throttle
from accounts.models import Profile
from accounts.tasks import queue_password_reset
from agencies.models import Agency

logger = logging.getLogger(__name__)


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form, asking for the email (a username still works)."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "This email and password do not match an account. Check them and try again: "
            "the password is case-sensitive."
        ),
    }

    def __init__(self, request: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.label = _("Email")
        # Phones: an email keyboard, no capital first letter, and password managers' hint.
        field.widget.attrs.update(
            {"inputmode": "email", "autocapitalize": "none", "autocomplete": "username"}
        )


def use_agency_autocomplete(field: forms.ModelMultipleChoiceField) -> None:
    """The admin's autocomplete over agencies (AgencyAdmin has search fields)."""
    widget = AutocompleteSelectMultiple(Profile._meta.get_field("agencies"), admin.site)
    widget.choices = field.choices  # a widget set after the field was built needs them
    field.widget = widget


class InviteForm(forms.Form):
    """What the secretariat fills in to invite a person."""

    email = forms.EmailField(
        label=_("Email"),
        max_length=150,  # it becomes the username, which holds 150 characters
        help_text=_("The invitation goes to this address; the person logs in with it."),
    )
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    agencies = forms.ModelMultipleChoiceField(
        label=_("Agencies"),
        queryset=Agency.objects.order_by("acronym"),
        required=False,
        help_text=_(
            "The person keeps these agencies' rows and focal points. Leave empty for a "
            "partner who only reads."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        help_text=_("Language of the invitation and of later emails."),
    )
    secretariat = forms.BooleanField(
        label=_("Secretariat"),
        required=False,
        help_text=_("Manages everything, in the admin and in the hub."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_agency_autocomplete(self.fields["agencies"])
        self.existing: User | None = None

    def clean_email(self) -> str:
        email = invitations.normalize_email(self.cleaned_data["email"])
        self.existing = invitations.existing_account(email)
        if self.existing is not None:
            raise forms.ValidationError(
                _(
                    "%(email)s already has an account, so no new one was made. If they never "
                    'logged in, select them in the list of people and use the action "Resend '
                    'invitation".'
                ),
                code="exists",
                params={"email": email},
            )
        return email

    def invitee(self) -> invitations.Invitee:
        data = self.cleaned_data
        return invitations.Invitee(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            language=data["language"],
            agencies=tuple(data["agencies"]),
            secretariat=data["secretariat"],
        )


class ProfileInlineForm(forms.ModelForm):
    """The profile on a person's admin page, with their agencies.

    The agencies go through the Membership model, which the admin cannot edit as a plain
    field: this form edits them as a list and writes the memberships itself.
    """

    agency_list = forms.ModelMultipleChoiceField(
        label=_("Agencies"),
        queryset=Agency.objects.order_by("acronym"),
        required=False,
        help_text=_("The person keeps these agencies' rows and focal points."),
    )

    class Meta:
        model = Profile
        fields = ["language", "receives_digest"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        use_agency_autocomplete(self.fields["agency_list"])
        if self.instance.pk:
            self.fields["agency_list"].initial = list(
                self.instance.agencies.values_list("pk", flat=True)
            )

    def save(self, commit: bool = True) -> Profile:
        profile = super().save(commit)
        if commit:
            self._save_agencies()
        else:
            save_m2m = self.save_m2m

            def save_all() -> None:
                save_m2m()
                self._save_agencies()

            self.save_m2m = save_all
        return profile

    def _save_agencies(self) -> None:
        if "agency_list" in self.cleaned_data:
            self.instance.agencies.set(self.cleaned_data["agency_list"])


class HubPasswordResetForm(PasswordResetForm):
    """Django's reset form; saving queues the email (accounts.tasks), so the answer
    is the same, and as quick, for any address."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        queue_password_reset(self.cleaned_data["email"])


class UnpausingSetPasswordForm(SetPasswordForm):
    """Django's form for a new password, used behind the links we email (a password reset,
    an invitation): proving by email who they are also lifts the pause that wrong passwords
    put on the account (accounts/throttle.py), so a paused person logs in again at once."""

    def save(self, commit: bool = True) -> User:
        user = super().save(commit)
        if commit:
            throttle.forget_failures(user)
        return user
