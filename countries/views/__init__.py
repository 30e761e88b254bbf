"""The countries app's pages; `country_or_404` serves every page addressed by a country code
(the country page, its brief, its assessments)."""

from django.http import Http404

from countries.models import Country


def country_or_404(code: str) -> Country:
    """The country of an ISO code (alpha-2, alpha-3 or numeric, any case), or a 404."""
    country = Country.objects.by_code(code)
    if country is None:
        raise Http404("Unknown country code")
    return country
