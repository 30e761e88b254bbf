import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spf_coalition.settings")

app = Celery("spf_coalition")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
