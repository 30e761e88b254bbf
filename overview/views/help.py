"""The help page: what the hub is, how a member updates their rows, how update rounds work,
who the secretariat is and how to reach it (SPF_SECRETARIAT_EMAIL). Linked from every
page's footer; in the reader's language like every page."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "overview/help.html", {"contact": settings.SPF_SECRETARIAT_EMAIL})
