"""Pages of the accounts app of our own; login, logout and password reset are Django's (the
reset's request page with the hub's limit per asking address)."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.models import User
from django.contrib.auth.views import PasswordResetView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from accounts import invitations, password_reset
from accounts.forms import HubPasswordResetForm, UnpausingSetPasswordForm
from accounts.language import language_of
from accounts.roles import is_member
from accounts.throttle import client_address


class HubPasswordResetView(PasswordResetView):
    form_class = HubPasswordResetForm

    def form_valid(self, form: HubPasswordResetForm) -> HttpResponse:
        # Counted per asking address whatever the email typed: the refusal says nothing
        # about accounts.
        if not password_reset.address_may_ask(client_address(self.request)):
            form.add_error(
                None,
                _("Too many password resets were asked from your address. Try again in an hour."),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


def landing_url(user: User) -> str:
    """Where a person arrives after accepting: their agency's rows if they speak for one."""
    if is_member(user):
        try:
            return reverse("activities:my_rows")
        except NoReverseMatch:
            pass  # the page does not exist (yet): the matrix will do
    return reverse("activities:matrix")


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def accept_invitation(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The invitation link: the person chooses a password and is logged in.

    The token is checked on every request, the POST included: a link used in another tab,
    or gone stale while the form was open, changes nothing.
    """
    user = invitations.user_for_link(uidb64, token)
    if user is None:
        return render(request, "accounts/invitation_invalid.html", status=400)
    # The link names the person: the page already speaks the language of their profile.
    request.LANGUAGE_CODE = language_of(user)
    translation.activate(request.LANGUAGE_CODE)

    form = UnpausingSetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        # Logging in updates last_login, which also kills the token: the link worked once.
        login(request, user, backend="accounts.backends.LoginBackend")
        messages.success(
            request,
            _("Welcome to the SPF Coalition Hub, %(name)s. Your password is set.")
            % {"name": user.get_short_name() or user.email},
        )
        return redirect(landing_url(user))
    return render(request, "accounts/accept_invitation.html", {"form": form, "invitee": user})
