from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "rounds"
    verbose_name = _("Update rounds")

    def ready(self) -> None:
        # Rounds sit above activities and workplan: they hook into them here, and neither
        # imports rounds (see the README's floors).
        from activities import signals
        from rounds import deadlines, hooks, reminders
        from workplan.other_deadlines import register_deadline_source
        from workplan.reminders import register_source

        signals.activity_edited.connect(hooks.answer_edit, dispatch_uid="rounds.answer_edit")
        signals.activity_closed.connect(hooks.answer_close, dispatch_uid="rounds.answer_close")
        signals.provide_round_context(hooks.round_context)
        signals.register_activity_panel("rounds.comments", hooks.comment_panel)
        signals.register_digest_source("rounds.mentions", hooks.mention_lines)
        register_source(reminders.round_reminders)
        register_deadline_source(
            "rounds", deadlines.of_user, deadlines.of_agency, deadlines.still_open
        )
