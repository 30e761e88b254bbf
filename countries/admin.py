from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import HubImportExportAdmin
from core.forms import VersionedModelForm
from core.translations import search_fields
from countries.assessing import AssessmentConflict
from countries.models import (
    Country,
    CountryAssessment,
    SelectionCriterion,
    Subdivision,
    iso_alpha2,
)
from countries.resources import CountryResource


def assessed_criteria(db_field, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Only the criteria people assess: a computed one's rating comes from the matrix."""
    if db_field.name == "criterion":
        kwargs["queryset"] = SelectionCriterion.objects.filter(computed="")
    return kwargs


class AssessmentAdminForm(VersionedModelForm):
    """A save based on an older version of the assessment (one a member saved on the front end
    meanwhile, say) is refused, as on the front end (countries.assessing)."""

    def conflict_message(self, current: CountryAssessment, based_on: int) -> str:
        return AssessmentConflict(current).message()


class CountryAssessmentInline(admin.TabularInline):
    model = CountryAssessment
    form = AssessmentAdminForm
    extra = 0
    fields = ["criterion", "rating", "note", "assessed_on", "based_on_version"]
    verbose_name_plural = _("assessments against the selection criteria (members only)")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(
            db_field, request, **assessed_criteria(db_field, kwargs)
        )


@admin.register(Country)
class CountryAdmin(HubImportExportAdmin):
    resource_classes = [CountryResource]
    inlines = [CountryAssessmentInline]
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
        code = iso_alpha2(term) if len(term) == 3 else ""
        if code:
            results |= queryset.filter(code=code)
        return results, may_have_duplicates

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet, change: bool
    ) -> None:
        if formset.model is CountryAssessment:
            for assessment in formset.save(commit=False):
                assessment.updated_by = request.user
                assessment.save()
            for gone in formset.deleted_objects:
                gone.delete()
            return
        super().save_formset(request, form, formset, change)


@admin.register(SelectionCriterion)
class SelectionCriterionAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "weight", "computed"]
    list_display_links = ["title"]
    # The secretariat weighs the criteria for the ranking of countries, all on one page.
    list_editable = ["weight"]
    search_fields = search_fields("title", "description")


@admin.register(CountryAssessment)
class CountryAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["country", "criterion", "rating", "assessed_on", "updated_by"]
    list_select_related = ["country", "criterion", "updated_by"]
    list_filter = ["rating", "criterion", "country__region"]
    search_fields = ["country__name", "country__name_variants", "criterion__title", "note"]
    search_help_text = _("Country, criterion or words of the comment.")
    autocomplete_fields = ["country"]
    form = AssessmentAdminForm
    fields = [
        "country",
        "criterion",
        "rating",
        "note",
        "assessed_on",
        "updated_by",
        "based_on_version",
    ]
    readonly_fields = ["updated_by"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return super().formfield_for_foreignkey(
            db_field, request, **assessed_criteria(db_field, kwargs)
        )

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Subdivision)
class SubdivisionAdmin(admin.ModelAdmin):
    """The places inside countries (ISO 3166-2, first level), loaded from pycountry: the
    secretariat may add a spelling people use; the code and ISO name stay as the standard."""

    list_display = ["code", "name", "kind", "country"]
    list_select_related = ["country"]
    list_filter = ["country__region"]
    search_fields = ["code", "name", "name_variants", "country__name"]
    readonly_fields = ["code", "name", "kind", "country"]
    fields = ["code", "name", "kind", "country", "name_variants"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # countries.subdivisions loads them with each country
