from django.core.management.base import BaseCommand

from follows.digest import send_follow_digests


class Command(BaseCommand):
    help = "Email each follower what changed in the rows they follow since their last digest."

    def handle(self, *args, **options) -> None:
        sent = send_follow_digests()
        self.stdout.write(f"{sent} digest(s) sent.")
