from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from funding.forms import ContributionForm
from funding.models import Contribution


@admin.register(Contribution)
class ContributionAdmin(SimpleHistoryAdmin):
    form = ContributionForm
    list_display = ["partner", "channel", "amount", "currency", "status", "period"]
    list_filter = ["channel", "status", "currency", "start_year"]
    list_select_related = ["partner"]
    search_fields = ["partner__acronym", "partner__name", "note"]
    search_help_text = _("Partner or note.")
    autocomplete_fields = ["partner", "countries"]
