"""A country's printable brief: one A4 page ("Save as PDF" in the browser)."""

import rules
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from countries.views import country_or_404
from overview.brief import build_brief
from results.country_page import reader


def country_brief(request: HttpRequest, code: str) -> HttpResponse:
    """As public as the country page: contacts for logged-in visitors, the selection
    criteria for members and the secretariat (asked of the rules alone, as there)."""
    country = country_or_404(code)
    brief = build_brief(
        country,
        today=timezone.localdate(),
        show_contacts=rules.has_perm("activities.view_contacts", request.user),
        show_assessments=rules.has_perm("countries.see_assessments", request.user),
        reader=reader(request),
    )
    return render(request, "overview/brief.html", {"brief": brief})
