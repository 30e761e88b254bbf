from django.apps import apps as global_apps
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from accounts.models import SECRETARIAT_GROUP, Profile

# The secretariat manages every record of these apps in the admin.
SECRETARIAT_APPS = ("accounts", "activities", "agencies", "countries", "workplan", "rounds")


@receiver(post_save, sender="auth.User")
def create_profile(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


def ensure_secretariat_group(**kwargs) -> None:
    """After each migrate: the Secretariat group exists and holds every hub permission."""
    if not global_apps.is_installed("accounts"):
        return
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    wanted = Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS)
    user_perms = Permission.objects.filter(
        content_type__app_label="auth", content_type__model="user"
    )
    group.permissions.add(*wanted, *user_perms)


post_migrate.connect(ensure_secretariat_group, dispatch_uid="spf_secretariat_group")
