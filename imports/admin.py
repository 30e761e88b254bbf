"""Imports in the admin: a read-only log for the secretariat, and its way into the import.

"Add import" in the admin opens the same upload page as the front end: one pipeline,
with the secretariat's rights (every row). The value mappings people made in their
previews are listed for the secretariat to accept for everyone.
"""

from django.contrib import admin
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from accounts.roles import is_secretariat
from imports.models import FocalPointProposal, ImportJob, ValueMapping
from imports.values import accept_for_everyone, accept_people, add_proposed

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


class SecretariatReview:
    """What people left for the secretariat to review (their spellings, the focal points
    they proposed): the secretariat reads, acts on and deletes them; nobody adds one here."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_secretariat(request.user)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_secretariat(request.user)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_secretariat(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_secretariat(request.user)


@admin.register(ValueMapping)
class ValueMappingAdmin(SecretariatReview, SimpleHistoryAdmin):
    """People's spellings from their imports: the secretariat accepts them for everyone,
    and adds the new agencies and tools members proposed."""

    list_display = (
        "written",
        "kind",
        "target_label",
        "created_by",
        "agency",
        "created_at",
        "for_everyone",
        "accepted_by",
        "accepted_at",
    )
    list_filter = ("for_everyone", "kind")
    search_fields = ("written", "target_label", "created_by__username")
    readonly_fields = (
        "kind",
        "written",
        "key",
        "target",
        "target_label",
        "created_by",
        "agency",
        "accepted_by",
        "accepted_at",
        "created_at",
        "updated_at",
    )
    actions = ("accept", "add_proposed")

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).select_related("created_by", "agency", "accepted_by")

    @admin.action(description=_("Accept these spellings for everyone's imports"))
    def accept(self, request: HttpRequest, queryset) -> None:
        count = accept_for_everyone(queryset, request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)s spelling accepted for everyone.",
                "%(count)s spellings accepted for everyone.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Add the proposed agencies and tools, for everyone"))
    def add_proposed(self, request: HttpRequest, queryset) -> None:
        count = add_proposed(queryset, request.user)
        self.message_user(
            request,
            ngettext("%(count)s proposal added.", "%(count)s proposals added.", count)
            % {"count": count},
        )


@admin.register(FocalPointProposal)
class FocalPointProposalAdmin(SecretariatReview, admin.ModelAdmin):
    """Focal points members' files named for other agencies' rows, for the secretariat to add."""

    list_display = ("name", "email", "agency", "activity", "proposed_by", "proposed_at")
    list_display += ("accepted_by", "accepted_at")
    list_filter = ("accepted_at",)
    search_fields = ("name", "email", "agency__acronym", "activity__reference")
    readonly_fields = [field.name for field in FocalPointProposal._meta.fields]
    actions = ("accept",)

    def get_queryset(self, request: HttpRequest):
        return super().get_queryset(request).select_related("agency", "activity", "proposed_by")

    @admin.action(description=_("Add these focal points (each on its activity if it has none)"))
    def accept(self, request: HttpRequest, queryset) -> None:
        count = accept_people(queryset, request.user)
        self.message_user(
            request,
            ngettext("%(count)s focal point added.", "%(count)s focal points added.", count)
            % {"count": count},
        )
