"""The admin speaks the hub's words: its name, reminder kinds in words, the policy in force,
every model and field name marked for translation, the invite form in the inviter's language."""

import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise

from reminders.kinds import kind_label
from reminders.models import ReminderLog
from tests.week.conftest import speaking
from workplan.models import ReminderPolicy

HUB_APPS = (
    "core",
    "accounts",
    "countries",
    "agencies",
    "activities",
    "workplan",
    "rounds",
    "imports",
)

pytestmark = pytest.mark.django_db


def test_it_titles_the_admin_with_the_hub_s_name(superuser_client):
    content = superuser_client.get("/admin/").content.decode()
    assert "SPF Coalition Hub" in content
    assert "Django administration" not in content


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("before-14", "14 days before"),
        ("before-1", "1 day before"),
        ("due", "on the due day"),
        ("overdue-2", "overdue (reminder 2)"),
    ],
)
def test_it_words_each_reminder_kind(kind, words):
    assert kind_label(kind) == words


def test_it_lists_reminder_kinds_in_words(superuser_client):
    ReminderLog.objects.create(
        recipient="mina@example.org",
        kind="before-14",
        due_date=datetime.date(2030, 5, 31),
        what="Matrix sent",
        claimed_at=timezone.now(),
    )
    content = superuser_client.get(reverse("admin:reminders_reminderlog_changelist")).content
    assert "14 days before" in content.decode()
    assert ">before-14<" not in content.decode()


def test_it_shows_the_default_policy_when_none_is_saved(superuser_client):
    content = superuser_client.get(reverse("admin:workplan_reminderpolicy_changelist")).content
    assert 'id="default-policy"' in content.decode()
    assert "14,3" in content.decode()


def test_it_lists_the_saved_policy_instead_of_the_defaults(superuser_client):
    ReminderPolicy.objects.create(days_before="10")
    content = superuser_client.get(reverse("admin:workplan_reminderpolicy_changelist")).content
    assert 'id="default-policy"' not in content.decode()


def test_it_marks_every_model_and_field_name_for_translation():
    unmarked = []
    for model in apps.get_models():
        if model._meta.app_label not in HUB_APPS or model.__name__.startswith("Historical"):
            continue
        names = [("model", model._meta.verbose_name), ("model", model._meta.verbose_name_plural)]
        names += [
            (field.name, field.verbose_name)
            for field in model._meta.get_fields()
            if field.concrete and not field.auto_created
        ]
        unmarked += [
            f"{model.__name__}.{name}" for name, text in names if not isinstance(text, Promise)
        ]
    assert unmarked == []


def test_it_marks_every_admin_column_for_translation():
    unmarked = []
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in HUB_APPS:
            continue
        for name in model_admin.list_display:
            if name == "__str__":  # the admin heads it with the model's (marked) name
                continue
            column = getattr(model_admin, name, None) if isinstance(name, str) else name
            description = getattr(column, "short_description", None)
            if callable(column) and not isinstance(description, Promise):
                unmarked.append(f"{model.__name__}.{name}")
    assert unmarked == []


def test_it_offers_the_inviter_s_language_on_the_invite_form(secretariat_client, secretariat):
    speaking(secretariat, "fr")
    secretariat_client.force_login(secretariat)
    response = secretariat_client.get(reverse("admin:auth_user_invite"))
    assert response.context["form"]["language"].value() == "fr"
