from django.contrib import admin
from django.db.models import Count, Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from core.admin import HubImportExportAdmin
from workplan.models import (
    Area,
    Deliverable,
    ReminderPolicy,
    Step,
    Workplan,
)
from workplan.resources import DeliverableResource


class AreaInline(admin.TabularInline):
    model = Area
    fields = ["number", "title"]
    extra = 1


@admin.register(Workplan)
class WorkplanAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "area_count"]
    search_fields = ["title"]
    inlines = [AreaInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(area_total=Count("areas"))

    @admin.display(description=_("areas"), ordering="area_total")
    def area_count(self, workplan: Workplan) -> int:
        return workplan.area_total


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "workplan"]
    list_display_links = ["number", "title"]
    list_select_related = ["workplan"]
    list_filter = ["workplan"]
    search_fields = ["title", "workplan__title"]


class StepInline(admin.TabularInline):
    model = Step
    fields = ["title", "due_date", "due_note", "completed_on"]
    extra = 1


@admin.register(Deliverable)
class DeliverableAdmin(HubImportExportAdmin, SimpleHistoryAdmin):
    resource_classes = [DeliverableResource]
    inlines = [StepInline]
    list_display = ["title", "area", "responsible", "next_due_step"]
    list_select_related = ["area__workplan"]
    list_filter = ["area__workplan", "area", "responsible_agencies"]
    search_fields = ["title", "objective", "how", "responsible_note"]
    autocomplete_fields = ["responsible_agencies", "contacts"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        open_steps = Step.objects.filter(completed_on__isnull=True).order_by("due_date", "id")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                "responsible_agencies",
                Prefetch("steps", queryset=open_steps, to_attr="open_steps"),
            )
        )

    @admin.display(description=_("responsible agencies"))
    def responsible(self, deliverable: Deliverable) -> str:
        acronyms = [agency.acronym for agency in deliverable.responsible_agencies.all()]
        return ", ".join(acronyms) or deliverable.responsible_note or "—"

    @admin.display(description=_("next due step"))
    def next_due_step(self, deliverable: Deliverable) -> str:
        steps = getattr(deliverable, "open_steps", None)
        return str(steps[0]) if steps else "—"


@admin.register(Step)
class StepAdmin(SimpleHistoryAdmin):
    list_display = ["title", "deliverable", "due_date", "completed_on"]
    list_select_related = ["deliverable"]
    list_filter = [("completed_on", admin.EmptyFieldListFilter), "deliverable__area__workplan"]
    search_fields = ["title", "deliverable__title"]
    autocomplete_fields = ["deliverable"]
    date_hierarchy = "due_date"


@admin.register(ReminderPolicy)
class ReminderPolicyAdmin(admin.ModelAdmin):
    """One policy: adding is possible only while none exists, deleting never."""

    list_display = [
        "__str__",
        "days_before",
        "on_due_day",
        "overdue_every_days",
        "overdue_stop_after_weeks",
        "copy_secretariat_when_overdue",
        "updated_at",
    ]

    change_list_template = "admin/workplan/reminderpolicy/change_list.html"

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None):
        # With no policy saved the defaults apply: show them, not an empty list.
        extra: dict[str, object] = {"default_policy": None}
        if not ReminderPolicy.objects.exists():
            policy = ReminderPolicy.current()
            extra["default_policy"] = [
                (ReminderPolicy._meta.get_field(name).verbose_name, getattr(policy, name))
                for name in self.list_display
                if name not in ("__str__", "updated_at")
            ]
        return super().changelist_view(request, {**(extra_context or {}), **extra})

    def has_add_permission(self, request: HttpRequest) -> bool:
        return super().has_add_permission(request) and not ReminderPolicy.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
