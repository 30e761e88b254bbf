"""A country's printable brief: one A4 page ("Save as PDF" in the browser)."""

import rules
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from countries.models import Country, iso_alpha2
from overview.brief import build_brief


def country_brief(request: HttpRequest, code: str) -> HttpResponse:
    """As public as the country page: contacts for logged-in visitors, the selection
    criteria for members and the secretariat (asked of the rules alone, as there)."""
    country = Country.objects.filter(code=iso_alpha2(code) or "-").first()
    if country is None:
        raise Http404("Unknown country code")
    brief = build_brief(
        country,
        today=timezone.localdate(),
        show_contacts=rules.has_perm("activities.view_contacts", request.user),
        show_assessments=rules.has_perm("countries.see_assessments", request.user),
    )
    return render(request, "overview/brief.html", {"brief": brief})
