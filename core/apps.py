from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The bottom floor: helpers every app may use; it imports no app of the project."""

    name = "core"
    verbose_name = _("Shared helpers")

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        # checks registers the system checks on import.
        from core import admin_repairs, checks, public_cache  # noqa: F401
        from core.search import add_sqlite_unaccent

        # Django's admin and django-simple-history answer 500 to some hand-made ids: repaired
        # once, for every app's admin (see the module).
        admin_repairs.apply()
        connection_created.connect(add_sqlite_unaccent)
        # Every write that can change a public page changes the data version.
        public_cache.connect()
