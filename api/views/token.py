"""A person's API token: made or replaced by pressing a button, its key shown once, then
only its first characters (the hub keeps a digest, api.models)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from api.models import ApiToken
from api.tokens import issue


@login_required
@require_http_methods(["GET", "POST"])
def token(request: HttpRequest) -> HttpResponse:
    key = None
    if request.method == "POST":
        # Replacing the token cuts off every program that used the old one.
        key = issue(request.user)
    # The answer to a logged-in person is never cached (core.middleware), the key included.
    ctx = {"token": ApiToken.objects.filter(user=request.user).first(), "key": key}
    return render(request, "api/token.html", ctx)
