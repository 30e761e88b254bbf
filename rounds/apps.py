from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "rounds"
    verbose_name = _("Update rounds")

    def ready(self) -> None:
        # Rounds sit above activities and workplan: they hook into them here, and neither
        # imports rounds (see the README's floors).
        from activities import signals
        from core import digest_sections
        from rounds import deadlines, hooks
        from workplan import other_deadlines

        signals.activity_edited.connect(hooks.answer_edit, dispatch_uid="rounds.answer_edit")
        signals.activity_closed.connect(hooks.answer_close, dispatch_uid="rounds.answer_close")
        signals.round_context_asked.connect(
            hooks.round_context, dispatch_uid="rounds.round_context"
        )
        signals.activity_panels_asked.connect(
            hooks.comment_panel, dispatch_uid="rounds.comment_panel"
        )
        digest_sections.digest_news_asked.connect(
            hooks.mentions_section, dispatch_uid="rounds.mentions"
        )
        other_deadlines.deadlines_of_user_asked.connect(
            deadlines.of_user, dispatch_uid="rounds.deadlines_of_user"
        )
        other_deadlines.deadlines_of_agency_asked.connect(
            deadlines.of_agency, dispatch_uid="rounds.deadlines_of_agency"
        )
