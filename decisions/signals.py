"""An action point's workplan step follows it, however it is saved (admin, member form,
demo loader)."""

from decisions.actions import remove_action_step, sync_action_step


def action_point_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    if not raw:  # loaddata: the fixture brings its steps
        sync_action_step(instance)


def action_point_deleted(sender, instance, **kwargs) -> None:
    remove_action_step(instance)
