"""A person's API token: seen on their own page, made or replaced by pressing a button."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from rest_framework.authtoken.models import Token


@login_required
@require_http_methods(["GET", "POST"])
def token(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        # Replacing the token cuts off every program that used the old one.
        with transaction.atomic():
            Token.objects.filter(user=request.user).delete()
            Token.objects.create(user=request.user)
        messages.success(request, _("Your new API token is below; the old one no longer works."))
        return redirect("api:token")
    ctx = {"token": Token.objects.filter(user=request.user).first()}
    return render(request, "api/token.html", ctx)
