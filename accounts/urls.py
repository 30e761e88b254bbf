"""Logging in and out, password reset and invitations, under /accounts/.

No namespace: Django's auth views and LOGIN_URL look these names up as they are.
"""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from accounts import profile_views, views
from accounts.forms import (
    EmailAuthenticationForm,
    UnpausingSetPasswordForm,
)

urlpatterns = [
    # A login page for partners who are not admin staff (the admin's refuses them).
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=EmailAuthenticationForm, next_page="activities:matrix"
        ),
        name="login",
    ),
    # Django's LogoutView only accepts POST: a link or an image cannot log anyone out.
    path(
        "logout/",
        auth_views.LogoutView.as_view(next_page="activities:matrix"),
        name="logout",
    ),
    path(
        "password-reset/",
        views.HubPasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            form_class=UnpausingSetPasswordForm,
            success_url=reverse_lazy("password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # A person's own page, and Django's password change (templates/registration/).
    path("profile/", profile_views.profile, name="profile"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("password_change_done")),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "invitation/<uidb64>/<token>/",
        views.accept_invitation,
        name="accept_invitation",
    ),
]
