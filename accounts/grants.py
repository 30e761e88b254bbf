from django.contrib.auth.models import Group, Permission

from accounts.models import SECRETARIAT_GROUP


def grant_app_to_secretariat(sender, **kwargs) -> None:
    """A post_migrate receiver for an app whose records the secretariat keeps in the admin:
    the Secretariat group gets every permission of the app (`sender`, its AppConfig)."""
    group, _ = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label=sender.label))
