import datetime
import math

from django import template

register = template.Library()


@register.filter
def in_minutes(duration: datetime.timedelta) -> int:
    """Whole minutes, rounded up: "try again in 15 minutes", never "in 0 minutes"."""
    return max(1, math.ceil(duration.total_seconds() / 60))
