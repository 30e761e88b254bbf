from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    """Meetings, decisions, action points, documents, country statuses and joint country
    workplans. Shows itself on the floors below through their registries: the country page's
    sections (countries.page_sections), an activity's page (activities.signals) and the
    follow digest (core.digest_sections)."""

    name = "decisions"
    verbose_name = _("Meetings and decisions")

    def ready(self) -> None:
        from accounts.grants import grant_app_to_secretariat
        from activities.signals import activity_panels_asked
        from core.digest_sections import digest_news_asked
        from countries.page_sections import country_sections_asked
        from countries.statuses import country_statuses_asked
        from decisions import signals
        from decisions.activity_page import documents_panel
        from decisions.country_page import country_section
        from decisions.digest import decisions_section
        from decisions.map_layer import statuses_by_country
        from decisions.models import ActionPoint, Document

        post_migrate.connect(
            grant_app_to_secretariat, sender=self, dispatch_uid="decisions_secretariat"
        )
        post_save.connect(
            signals.action_point_saved, sender=ActionPoint, dispatch_uid="decisions.action_step"
        )
        post_delete.connect(
            signals.action_point_deleted, sender=ActionPoint, dispatch_uid="decisions.action_gone"
        )
        post_delete.connect(
            signals.document_deleted, sender=Document, dispatch_uid="decisions.document_file"
        )
        # The floors below ask; these answer (core.signals).
        country_sections_asked.connect(country_section, dispatch_uid="decisions.country_section")
        country_statuses_asked.connect(
            statuses_by_country, dispatch_uid="decisions.country_statuses"
        )
        digest_news_asked.connect(decisions_section, dispatch_uid="decisions.digest_section")
        activity_panels_asked.connect(documents_panel, dispatch_uid="decisions.activity_documents")
