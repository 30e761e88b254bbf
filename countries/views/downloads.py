"""Downloads of a country page's list: its activities as CSV, XLSX, ODS or HXL."""

from django.http import Http404, HttpRequest, HttpResponse
from django_countries import countries as iso_countries

from activities.exports import activity_download
from countries.models import Country


def country_export(request: HttpRequest, code: str) -> HttpResponse:
    """The activities the country page lists, in its order; ?format= says which file."""
    country = Country.objects.filter(code=iso_countries.alpha2(code) or "-").first()
    if country is None:
        raise Http404("Unknown country code")
    activities = country.activities.order_by("title", "pk")
    return activity_download(request, activities, f"spf-{country.alpha3.lower()}")
