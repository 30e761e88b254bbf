from django.contrib.auth.models import Group, Permission

from accounts.models import SECRETARIAT_GROUP


def grant_to_secretariat(sender, **kwargs) -> None:
    """After each migrate: the secretariat keeps the contributions in the admin."""
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label=sender.label))
