from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Top layer: `manage.py demo` loads every capability's demo data in dependency order."""

    name = "zorgnet.demo"
    label = "demo"
    verbose_name = "Demodata"
