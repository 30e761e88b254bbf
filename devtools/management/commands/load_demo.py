"""`manage.py load_demo`: the coalition's demo data, safe to run on every start of a dev run.

Outside debug (DEBUG=0, a production database) it refuses unless --force: demo agencies,
people and activities mixed into the coalition's real data would be published as theirs.
Even forced, it creates no admin/admin account there (devtools.demo.loader).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from devtools.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the SPF coalition's demo data from the seed documents. Idempotent: only what is "
        "missing is created; rows people edited are left as they are. Refused when DEBUG is "
        "off unless --force."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo data although DEBUG is off (a demo server). No admin account.",
        )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: this looks like a production database, and the demo data would "
                "mix with the coalition's own. Nothing was loaded. Use --force for a demo "
                "server (no admin account is created outside debug)."
            )
        report = load_demo()
        self.stdout.write(report.summary())
        self.stdout.write(report.admin_line)
