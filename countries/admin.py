from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_countries import countries as iso_countries

from countries.models import Country
from countries.resources import CountryResource
from spf_coalition.admin import HubImportExportAdmin


@admin.register(Country)
class CountryAdmin(HubImportExportAdmin):
    resource_classes = [CountryResource]
    list_display = ["name", "code", "alpha3_code", "region"]
    list_filter = ["region"]
    search_fields = ["name", "code", "name_variants"]
    search_help_text = _("Name, spelling variant or ISO code (VN or VNM).")
    fields = ["code", "region", "name_variants"]

    @admin.display(description=_("ISO alpha-3"))
    def alpha3_code(self, country: Country) -> str:
        return country.alpha3

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # Only alpha-2 codes are stored: read an alpha-3 code ("VNM") as its alpha-2.
        term = search_term.strip()
        code = iso_countries.alpha2(term) if len(term) == 3 else ""
        if code:
            results |= queryset.filter(code=code)
        return results, may_have_duplicates
