"""No lost updates on results: a value, an activity's indicator, a milestone or a coverage
figure saved from a page showing an older version is refused (a 409 on the page, the
person's entries kept), as activities are (activities.concurrency)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext as _


class StaleEdit(Exception):
    """Someone saved the row after the version the edit was based on."""

    def __init__(self, current: models.Model) -> None:
        super().__init__(f"{current._meta.label} {current.pk} changed since the form")
        self.current = current

    def message(self) -> str:
        who = ""
        record = self.current.history.order_by("-history_date").first()
        if record is not None and record.history_user is not None:
            who = str(record.history_user)
        if who:
            return _(
                "%(who)s saved this while you were editing it, so your changes were not "
                "saved. The form shows what is saved now, with your entries: check them "
                "and save again."
            ) % {"who": who}
        return _(
            "Someone else saved this while you were editing it, so your changes were not "
            "saved. Check what is saved now and save again."
        )


def lock_unchanged(instance: models.Model, based_on_version: int | None) -> None:
    """Lock the stored row until the transaction ends and refuse (StaleEdit) if its version
    is not `based_on_version`. Call inside transaction.atomic(); a new row passes."""
    if instance.pk is None or based_on_version is None:
        return
    model = type(instance)
    stored = (
        model.objects.select_for_update()
        .filter(pk=instance.pk)
        .values_list("version", flat=True)
        .first()
    )
    if stored is not None and stored != based_on_version:
        raise StaleEdit(model.objects.get(pk=instance.pk))
    if stored is not None:
        # save() adds one to the version the edit was based on.
        instance.version = based_on_version
