"""`manage.py load_demo`: the coalition's demo data, safe to run on every start."""

from django.core.management.base import BaseCommand

from devtools.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the SPF coalition's demo data from the seed documents. Idempotent: only what is "
        "missing is created; rows people edited are left as they are."
    )

    def handle(self, *args, **options) -> None:
        report = load_demo()
        self.stdout.write(report.summary())
        self.stdout.write(report.admin_line)
