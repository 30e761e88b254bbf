"""The admin/admin account exists for dev runs only: never when DEBUG is off."""

from django.contrib.auth.models import User

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
