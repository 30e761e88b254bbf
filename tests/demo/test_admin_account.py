"""The admin/admin account exists for dev runs only: never when DEBUG is off; and outside
debug the command loads nothing unless forced."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from agencies.models import Agency
from devtools.demo.loader import load_demo


def test_it_creates_no_admin_account_when_debug_is_off(db, settings):
    settings.DEBUG = False
    report = load_demo()
    assert not User.objects.filter(username="admin").exists()
    assert "no demo admin" in report.admin_line


def test_it_creates_the_admin_account_in_debug_mode(db, settings):
    settings.DEBUG = True
    load_demo()
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("admin")


def test_the_command_refuses_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Nothing was loaded"):
        call_command("load_demo", stdout=io.StringIO())
    assert not Agency.objects.exists()
    assert not User.objects.exists()


def test_the_command_loads_when_forced_but_makes_no_admin(db, settings):
    settings.DEBUG = False
    out = io.StringIO()
    call_command("load_demo", "--force", stdout=out)
    assert Agency.objects.exists()
    assert not User.objects.filter(username="admin").exists()
    assert "no demo admin account" in out.getvalue()
