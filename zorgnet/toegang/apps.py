from django.apps import AppConfig


class ToegangConfig(AppConfig):
    """Audit and privacy pages across the apps: history, access log, GDPR, retention."""

    name = "zorgnet.toegang"
    label = "toegang"
    verbose_name = "Toegang en privacy"
