"""HTTP answers every app gives the same way."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    """A 403 page that says why (Django's default one says nothing)."""
    return render(request, "forbidden.html", {"message": message}, status=403)
