from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from reminders.kinds import ReminderKindFilter, kind_label
from reminders.models import ReminderLog, ReminderStatus, trouble_counts
from reminders.sweep import sweep
from reminders.tasks import queue_sending


@admin.register(ReminderLog)
class ReminderLogAdmin(admin.ModelAdmin):
    """Every reminder claimed, sent or failed: read-only, it is the record."""

    change_list_template = "admin/reminders/reminderlog/change_list.html"
    list_display = ["recipient", "what", "kind_words", "due_date", "status", "attempts", "sent_at"]
    list_filter = ["status", ReminderKindFilter, "copy", "due_date"]
    search_fields = ["recipient", "what", "part_of"]
    date_hierarchy = "claimed_at"
    actions = ["send_again"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    @admin.display(description=_("kind"), ordering="kind")
    def kind_words(self, row: ReminderLog) -> str:
        return kind_label(row.kind)

    def get_urls(self) -> list:
        own = [
            path(
                "send-due-now/",
                self.admin_site.admin_view(self.send_due_now),
                name="reminders_reminderlog_send_due_now",
            )
        ]
        return own + super().get_urls()

    def send_due_now(self, request: HttpRequest) -> HttpResponse:
        """The button "send due reminders now": the same sweep as celery beat's, once."""
        changelist = reverse("admin:reminders_reminderlog_changelist")
        if request.method != "POST" or not request.user.has_perm("reminders.view_reminderlog"):
            return redirect(changelist)
        result = sweep(queue_sending)
        self.message_user(
            request,
            _("%(claimed)s reminder(s) due; %(queued)s handed over for sending.")
            % {"claimed": result.claimed, "queued": result.queued},
            messages.SUCCESS,
        )
        return redirect(changelist)

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None):
        # The reminders that may never have arrived, named above the list with a link to them.
        return super().changelist_view(
            request, {**(extra_context or {}), "trouble": trouble_counts()}
        )

    @admin.action(description=_("Send again (failed or uncertain ones)"), permissions=["view"])
    def send_again(self, request: HttpRequest, queryset: QuerySet) -> None:
        again = [ReminderStatus.FAILED, ReminderStatus.UNCERTAIN]
        ids = list(queryset.filter(status__in=again).values_list("pk", flat=True))
        ReminderLog.objects.filter(pk__in=ids, status__in=again).update(
            status=ReminderStatus.CLAIMED
        )
        if ids:
            transaction.on_commit(lambda: queue_sending(ids))
        self.message_user(
            request, _("%(n)s failed or uncertain reminder(s) queued again.") % {"n": len(ids)}
        )
