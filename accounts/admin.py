"""People in the admin: invite them, see their agencies, resend a lost invitation."""

from __future__ import annotations

import logging
from smtplib import SMTPException
from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from accounts import invitations
from accounts.forms import InviteForm, ProfileInlineForm
from accounts.language import language_of
from accounts.models import SECRETARIAT_GROUP, Profile
from accounts.roles import is_secretariat

logger = logging.getLogger(__name__)

# A mail server that is down or refuses the message: the invitation is not made.
MAIL_ERRORS = (SMTPException, OSError)


class ProfileInline(admin.StackedInline):
    model = Profile
    form = ProfileInlineForm
    fields = ["agency_list", "language", "receives_digest"]
    can_delete = False
    max_num = 1
    verbose_name = _lazy("agencies and emails")
    verbose_name_plural = _lazy("agencies and emails")


admin.site.unregister(User)


@admin.register(User)
class HubUserAdmin(UserAdmin):
    change_list_template = "accounts/admin/user_change_list.html"
    inlines = [ProfileInline]
    list_display = ["email", "full_name", "agency_list", "secretariat", "last_login"]
    list_display_links = ["email", "full_name"]
    list_filter = ["is_active", "is_staff", "groups", "last_login", "profile__agencies"]
    search_fields = ["username", "email", "first_name", "last_name", "profile__agencies__acronym"]
    search_help_text = _lazy("Email, name or agency acronym.")
    ordering = ["email"]
    actions = ["resend_invitation"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[User]:
        in_group = User.groups.through.objects.filter(
            user_id=OuterRef("pk"), group__name=SECRETARIAT_GROUP
        )
        return (
            super()
            .get_queryset(request)
            .annotate(in_secretariat=Q(is_superuser=True) | Exists(in_group))
            .prefetch_related("profile__agencies")
        )

    def get_inline_instances(self, request: HttpRequest, obj: User | None = None) -> list:
        # The profile is made by a signal when the user is saved: on the add page an
        # inline would try to make a second one.
        return super().get_inline_instances(request, obj) if obj is not None else []

    def get_readonly_fields(self, request: HttpRequest, obj: User | None = None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        # The secretariat manages people, but only a superuser makes superusers or hands
        # out permissions one by one (that would reach beyond the hub's own apps).
        if not request.user.is_superuser:
            readonly += ["is_superuser", "user_permissions"]
        return readonly

    def has_change_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        # Changing a superuser (their password, say) would make one: superusers only.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    @admin.display(description=_lazy("name"), ordering="last_name")
    def full_name(self, user: User) -> str:
        return user.get_full_name()

    @admin.display(description=_lazy("agencies"))
    def agency_list(self, user: User) -> str:
        profile = getattr(user, "profile", None)
        if profile is None:
            return ""
        return ", ".join(sorted(agency.acronym for agency in profile.agencies.all()))

    @admin.display(description=_lazy("secretariat"), boolean=True, ordering="in_secretariat")
    def secretariat(self, user: User) -> bool:
        return user.in_secretariat

    def has_invite_permission(self, request: HttpRequest) -> bool:
        return is_secretariat(request.user)

    @admin.action(description=_lazy("Resend invitation"), permissions=["invite"])
    def resend_invitation(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        users = list(queryset.select_related("profile"))
        try:
            sent = invitations.resend_invitations(users, invited_by=request.user)
        except MAIL_ERRORS as error:
            logger.exception("Resending invitations failed")
            self.message_user(
                request,
                _("The invitations could not be sent: %(reason)s. Try again later.")
                % {"reason": error},
                messages.ERROR,
            )
            return
        if sent:
            self.message_user(
                request,
                ngettext(
                    "A new invitation was sent to %(people)s.",
                    "New invitations were sent to %(people)s.",
                    len(sent),
                )
                % {"people": ", ".join(user.email for user in sent)},
                messages.SUCCESS,
            )
        skipped = [user for user in users if user not in sent]
        if skipped:
            self.message_user(
                request,
                _(
                    "No invitation for %(people)s: they have already logged in (they can reset "
                    "their password), are inactive or have no email."
                )
                % {"people": ", ".join(invitations.describe(user) for user in skipped)},
                messages.WARNING,
            )

    def get_urls(self) -> list[URLPattern]:
        invite = path(
            "invite/",
            self.admin_site.admin_view(self.invite_view),
            name="auth_user_invite",
        )
        return [invite, *super().get_urls()]

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        extra = {"can_invite": self.has_invite_permission(request), **(extra_context or {})}
        return super().changelist_view(request, extra)

    def invite_view(self, request: HttpRequest) -> HttpResponse:
        """Invite a person by email: account, agencies and the invitation, in one go."""
        if not self.has_invite_permission(request):
            raise PermissionDenied
        # The invitee most likely works in the inviter's language: offer it first. A link
        # from an update round ("invite someone") names the agency: ?agencies=<id>.
        initial = {
            "language": language_of(request.user),
            "agencies": [pk for pk in request.GET.getlist("agencies") if pk.isdigit()],
        }
        form = InviteForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                user = invitations.invite(form.invitee(), invited_by=request.user)
            except invitations.AlreadyHasAccount as exists:
                # A twin request made the account between validation and saving.
                form.existing = exists.user
                form.add_error("email", _("This email already has an account."))
            except MAIL_ERRORS as error:
                logger.exception("Invitation email failed")
                form.add_error(
                    None,
                    _(
                        "The invitation email could not be sent (%(reason)s), so no account "
                        "was made. Try again later."
                    )
                    % {"reason": error},
                )
            else:
                self.log_addition(request, user, [{"added": {}}])
                self.message_user(
                    request,
                    _("%(person)s is invited: the email with their link is on its way.")
                    % {"person": invitations.describe(user)},
                    messages.SUCCESS,
                )
                if "_another" in request.POST:
                    return redirect("admin:auth_user_invite")
                return redirect("admin:auth_user_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Invite a person"),
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "accounts/admin/invite.html", context)
