"""The admin index's notice of uncertain reminders (templates/admin/index.html)."""

from django import template

from reminders.models import ReminderLog, ReminderStatus

register = template.Library()


@register.inclusion_tag("admin/reminders/reminderlog/_uncertain_notice.html", takes_context=True)
def uncertain_reminders_notice(context: template.Context) -> dict[str, int]:
    """How many reminders may never have arrived, for those who may read the reminder log."""
    request = context.get("request")
    if request is None or not request.user.has_perm("reminders.view_reminderlog"):
        return {"count": 0}
    return {"count": ReminderLog.objects.filter(status=ReminderStatus.UNCERTAIN).count()}
