from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from funding.forms import ContributionForm
from funding.models import ActivityBudget, Contribution


@admin.register(Contribution)
class ContributionAdmin(SimpleHistoryAdmin):
    form = ContributionForm
    list_display = ["partner", "channel", "amount", "currency", "status", "period"]
    list_filter = ["channel", "status", "currency", "start_year"]
    list_select_related = ["partner"]
    search_fields = ["partner__acronym", "partner__name", "note"]
    search_help_text = _("Partner or note.")
    autocomplete_fields = ["partner", "countries"]


@admin.register(ActivityBudget)
class ActivityBudgetAdmin(SimpleHistoryAdmin):
    list_display = ["activity", "year", "amount", "currency", "funder"]
    list_filter = ["currency", "year"]
    list_select_related = ["activity", "funder"]
    search_fields = ["activity__reference", "activity__title", "funder__acronym"]
    autocomplete_fields = ["activity", "funder"]
