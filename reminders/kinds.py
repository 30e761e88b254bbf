"""Reminder kinds in words: the log stores "before-14", "due", "overdue-2"; people read
"14 days before", "on the due day", "overdue (reminder 2)", in their language."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext


def kind_label(kind: str) -> str:
    """The words for a stored reminder kind (the kind itself if it is not one of ours)."""
    prefix, _sep, number = kind.partition("-")
    if kind == "due":
        return _("on the due day")
    if not number.isdigit():
        return kind
    count = int(number)
    if prefix == "before":
        return ngettext("%(days)d day before", "%(days)d days before", count) % {"days": count}
    if prefix == "overdue":
        return _("overdue (reminder %(number)d)") % {"number": count}
    return kind


def kind_order(kind: str) -> tuple[int, int]:
    """Earliest first: 14 days before, 3 days before, on the day, overdue 1, 2..."""
    prefix, _sep, number = kind.partition("-")
    count = int(number) if number.isdigit() else 0
    return {"before": 0, "due": 1, "overdue": 2}.get(
        prefix, 3
    ), -count if prefix == "before" else count


class ReminderKindFilter(admin.SimpleListFilter):
    """The admin's filter on kinds, named in words."""

    title = gettext_lazy("kind")
    parameter_name = "kind"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        kinds = model_admin.get_queryset(request).values_list("kind", flat=True).distinct()
        return [(kind, kind_label(kind)) for kind in sorted(set(kinds), key=kind_order)]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(kind=self.value()) if self.value() else queryset
