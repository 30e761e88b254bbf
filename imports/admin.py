"""Imports in the admin: a read-only log for the secretariat, and its way into the import.

"Add import" in the admin opens the same upload page as the front end: one pipeline,
with the secretariat's rights (every row).
"""

from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

from accounts.roles import is_secretariat
from imports.models import ImportJob

# The file itself and the checked rows are large and not for reading.
HIDDEN = ("file_data", "checked_rows")


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = (
        "file_name",
        "user",
        "status",
        "new_count",
        "changed_count",
        "error_count",
        "created_count",
        "updated_count",
        "created_at",
    )
    list_filter = ("status",)
    search_fields = ("file_name", "user__username", "user__email")
    exclude = HIDDEN
    readonly_fields = [field.name for field in ImportJob._meta.fields if field.name not in HIDDEN]

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).defer(*HIDDEN).select_related("user")

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_secretariat(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_secretariat(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_secretariat(request.user)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_superuser

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context=None):
        return HttpResponseRedirect(reverse("imports:upload"))
