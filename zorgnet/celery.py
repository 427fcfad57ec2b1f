"""The Celery application. Without REDIS_URL, tasks run in-process (CELERY_TASK_ALWAYS_EAGER)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zorgnet.settings")

app = Celery("zorgnet")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.task_routes = {"*.lang_*": {"queue": "long"}}
# Every package with a tasks.py: the apps' own (found through INSTALLED_APPS) and the capability
# packages inside an app, which Django's app registry does not list.
app.autodiscover_tasks()
app.autodiscover_tasks(["activiteiten.exports", "buurten.meldingen"])
