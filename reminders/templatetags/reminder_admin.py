"""The admin index's notice of reminders that may not have arrived (templates/admin/index.html)."""

from django import template

from reminders.models import trouble_counts

register = template.Library()


@register.inclusion_tag("admin/reminders/reminderlog/_uncertain_notice.html", takes_context=True)
def uncertain_reminders_notice(context: template.Context) -> dict[str, int]:
    """How many reminders failed or may never have arrived, for those who may read the log."""
    request = context.get("request")
    if request is None or not request.user.has_perm("reminders.view_reminderlog"):
        return {"uncertain": 0, "failed": 0}
    return trouble_counts()
