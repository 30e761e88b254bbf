"""An action point's workplan step follows it, however it is saved (admin, member form,
demo loader); a document's file goes when its row goes (the view, the admin, a cascade)."""

from django.db import transaction

from decisions.actions import remove_action_step, sync_action_step


def action_point_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:  # loaddata: the fixture brings its steps
        sync_action_step(instance)


def action_point_deleted(sender, instance, **kwargs) -> None:
    remove_action_step(instance)


def document_deleted(sender, instance, **kwargs) -> None:
    """Remove the stored file once the deletion is committed (a rolled-back deletion keeps
    its file)."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
